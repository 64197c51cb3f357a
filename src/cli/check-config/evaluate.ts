import type { HostProbe } from './host-probe.ts';
import type { KernelRequirement, Requirement, ToolRequirement } from './requirements.ts';

export type CheckStatus = 'ok' | 'missing' | 'unknown';

export interface CheckResult {
  readonly requirement: Requirement;
  readonly status: CheckStatus;
  /** What was found or not: `/usr/bin/kubectl`, `CONFIG_IP_VS not set`, `module`. */
  readonly detail: string;
}

export interface NodeCheck {
  /** Where the kernel config was read from, if anywhere. */
  readonly kernelConfigSource: string | undefined;
  readonly kernelRelease: string;
  readonly results: readonly CheckResult[];
}

/** Checks every requirement against the host; touches the machine only through the probe. */
export async function checkNode(options: { probe: HostProbe; requirements: readonly Requirement[] }): Promise<NodeCheck> {
  const { probe } = options;
  const kernelRelease = probe.kernelRelease();
  const kernelConfig = await readKernelConfig(probe, kernelRelease);
  const host = new RuntimeEvidence(probe, kernelRelease);
  const results: CheckResult[] = [];
  for (const requirement of options.requirements) {
    results.push(
      requirement.kind === 'kernel'
        ? await checkKernel({ requirement, kernelConfig, host })
        : await checkTool(requirement, probe),
    );
  }
  return { kernelConfigSource: kernelConfig?.source, kernelRelease, results };
}

interface KernelConfig {
  readonly source: string;
  readonly options: ReadonlyMap<string, string>;
}

/** The places moby's check-config.sh looks for the running kernel's config, in its order. */
async function readKernelConfig(probe: HostProbe, kernelRelease: string): Promise<KernelConfig | undefined> {
  const candidates = [
    '/proc/config.gz',
    `/boot/config-${kernelRelease}`,
    `/usr/src/linux-${kernelRelease}/.config`,
    '/usr/src/linux/.config',
  ];
  for (const source of candidates) {
    const text = await probe.readText(source);
    if (text === undefined) continue;
    const options = new Map<string, string>();
    for (const line of text.split('\n')) {
      const match = /^(CONFIG_[A-Za-z0-9_]+)=(.*)$/.exec(line.trim());
      if (match) options.set(match[1]!, match[2]!);
    }
    return { source, options };
  }
  return undefined;
}

async function checkKernel(options: {
  requirement: KernelRequirement;
  kernelConfig: KernelConfig | undefined;
  host: RuntimeEvidence;
}): Promise<CheckResult> {
  const { requirement, kernelConfig, host } = options;
  const runtime = await host.shows(requirement);
  if (kernelConfig) {
    const unmet = requirement.configs.filter((group) => !group.some((name) => isEnabled(kernelConfig.options.get(name))));
    const asModule = requirement.configs.some((group) => group.some((name) => kernelConfig.options.get(name) === 'm'));
    if (unmet.length === 0) return { requirement, status: 'ok', detail: asModule ? 'module' : 'built in' };
    // A stale or partial config file loses to what the running kernel shows.
    if (runtime === 'present') return { requirement, status: 'ok', detail: 'present at run time' };
    return { requirement, status: 'missing', detail: `${unmet.map((group) => group.join(' or ')).join(', ')} not set` };
  }
  if (runtime === 'present') return { requirement, status: 'ok', detail: 'present at run time' };
  if (runtime === 'absent') return { requirement, status: 'missing', detail: 'not found in the running kernel' };
  return { requirement, status: 'unknown', detail: 'no kernel config found to check' };
}

function isEnabled(value: string | undefined): boolean {
  return value === 'y' || value === 'm';
}

/** What /proc, /sys and /lib/modules say about the running kernel. */
class RuntimeEvidence {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly probe: HostProbe,
    private readonly kernelRelease: string,
  ) {}

  private read(path: string): Promise<string | undefined> {
    let text = this.cache.get(path);
    if (!text) {
      text = this.probe.readText(path);
      this.cache.set(path, text);
    }
    return text;
  }

  /** `present`, `absent`, or `no-evidence` when the requirement names nothing to look at. */
  async shows(requirement: KernelRequirement): Promise<'present' | 'absent' | 'no-evidence'> {
    const checks: Promise<boolean>[] = [];
    if (requirement.modules) checks.push(this.anyModule(requirement.modules));
    if (requirement.filesystem) checks.push(this.hasFilesystem(requirement.filesystem));
    if (requirement.cgroupControllers) checks.push(this.hasCgroupControllers(requirement.cgroupControllers));
    if (requirement.paths) checks.push(this.allExist(requirement.paths));
    if (checks.length === 0) return 'no-evidence';
    return (await Promise.all(checks)).some(Boolean) ? 'present' : 'absent';
  }

  private async anyModule(modules: readonly string[]): Promise<boolean> {
    const loaded = (await this.read('/proc/modules')) ?? '';
    const builtin = (await this.read(`/lib/modules/${this.kernelRelease}/modules.builtin`)) ?? '';
    const loadable = (await this.read(`/lib/modules/${this.kernelRelease}/modules.dep`)) ?? '';
    for (const module of modules) {
      if (await this.probe.exists(`/sys/module/${module}`)) return true;
      if (loaded.split('\n').some((line) => line.startsWith(`${module} `))) return true;
      const file = new RegExp(`/${module.replace(/_/g, '[-_]')}\\.ko`);
      if (file.test(builtin) || file.test(loadable)) return true;
    }
    return false;
  }

  private async hasFilesystem(name: string): Promise<boolean> {
    const text = (await this.read('/proc/filesystems')) ?? '';
    return text.split('\n').some((line) => line.trim().split(/\s+/).at(-1) === name);
  }

  private async hasCgroupControllers(controllers: readonly string[]): Promise<boolean> {
    const v1 = (await this.read('/proc/cgroups')) ?? '';
    const enabled = new Set(
      v1.split('\n').filter((line) => !line.startsWith('#')).map((line) => line.split(/\s+/))
        .filter((fields) => fields[3] === '1').map((fields) => fields[0]),
    );
    const v2 = (await this.read('/sys/fs/cgroup/cgroup.controllers')) ?? '';
    for (const name of v2.split(/\s+/)) if (name) enabled.add(name);
    return controllers.every((controller) => enabled.has(controller));
  }

  private async allExist(paths: readonly string[]): Promise<boolean> {
    return (await Promise.all(paths.map((path) => this.probe.exists(path)))).every(Boolean);
  }
}

async function checkTool(requirement: ToolRequirement, probe: HostProbe): Promise<CheckResult> {
  const found: string[] = [];
  const missing: string[] = [];
  for (const executable of requirement.executables) {
    const path = executable.startsWith('/')
      ? ((await probe.exists(executable)) ? executable : undefined)
      : await probe.findExecutable(executable);
    if (path) found.push(path);
    else missing.push(executable);
  }
  const satisfied = requirement.anyOf ? found.length > 0 : missing.length === 0;
  if (satisfied) return { requirement, status: 'ok', detail: found.join(', ') };
  return { requirement, status: 'missing', detail: `not found: ${missing.join(', ')}` };
}
