import { describe, expect, it } from 'vitest';
import { runCheckConfigCommand } from './command.ts';
import { checkNode } from './evaluate.ts';
import type { HostProbe } from './host-probe.ts';
import type { Requirement } from './requirements.ts';

/** A host made of a file table and a PATH table. */
function fakeHost(options: { files?: Record<string, string>; executables?: string[]; release?: string }): HostProbe {
  const files = options.files ?? {};
  const executables = new Set(options.executables ?? []);
  return {
    findExecutable: async (name) => (executables.has(name) ? `/usr/bin/${name}` : undefined),
    readText: async (path) => files[path],
    exists: async (path) => path in files || [...Object.keys(files)].some((file) => file.startsWith(`${path}/`)),
    kernelRelease: () => options.release ?? '6.1.0-test',
  };
}

const FULL_KERNEL_CONFIG = [
  'CONFIG_NAMESPACES=y', 'CONFIG_NET_NS=y', 'CONFIG_PID_NS=y', 'CONFIG_IPC_NS=y', 'CONFIG_UTS_NS=y',
  'CONFIG_CGROUPS=y', 'CONFIG_MEMCG=y', 'CONFIG_CGROUP_PIDS=y', 'CONFIG_CPUSETS=y', 'CONFIG_CGROUP_SCHED=y',
  'CONFIG_VETH=m', 'CONFIG_BRIDGE=m', 'CONFIG_BRIDGE_NETFILTER=m', 'CONFIG_VXLAN=m', 'CONFIG_OVERLAY_FS=m',
  'CONFIG_NF_CONNTRACK=m', 'CONFIG_NF_NAT=m', 'CONFIG_NF_TABLES=m', 'CONFIG_NETFILTER_XT_MATCH_COMMENT=m',
  'CONFIG_NETFILTER_XT_MATCH_CONNTRACK=m', 'CONFIG_IP_SET=m', 'CONFIG_IP_VS=m',
].join('\n');

const ALL_TOOLS = ['containerd', 'runc', 'iptables', 'iptables-save', 'iptables-restore', 'ip', 'bridge', 'nsenter', 'ipset', 'ipvsadm', 'conntrack', 'kubectl'];

function run(host: HostProbe) {
  const lines: string[] = [];
  return runCheckConfigCommand({ print: (line) => lines.push(line) }, host).then((exitCode) => ({ exitCode, output: lines.join('\n') }));
}

describe('skiff check-config', () => {
  it('passes on a host with every kernel feature and tool', async () => {
    const host = fakeHost({
      files: { '/boot/config-6.1.0-test': FULL_KERNEL_CONFIG, '/usr/lib/cni/loopback': '' },
      executables: ALL_TOOLS,
    });
    const { exitCode, output } = await run(host);
    expect(output).toContain('config: /boot/config-6.1.0-test');
    expect(output).toContain('STATUS: pass');
    expect(exitCode).toBe(0);
  });

  const missingTools = [
    { tool: 'containerd', executables: ALL_TOOLS.filter((name) => name !== 'containerd'), fix: 'apt-get install containerd' },
    { tool: 'runc', executables: ALL_TOOLS.filter((name) => name !== 'runc'), fix: 'apt-get install runc' },
    { tool: 'iptables', executables: ALL_TOOLS.filter((name) => name !== 'iptables-restore'), fix: 'apt-get install iptables' },
  ];
  it.each(missingTools)('reports a missing $tool with its Debian package and exits 1', async ({ tool, executables, fix }) => {
    const { exitCode, output } = await run(fakeHost({ files: { '/proc/config.gz': FULL_KERNEL_CONFIG }, executables }));
    expect(exitCode).toBe(1);
    expect(output).toMatch(new RegExp(`^  ${tool} +missing `, 'm'));
    expect(output).toContain(`fix: ${fix}`);
    expect(output).toContain(`Missing (required): ${tool}`);
    expect(output).toContain(`Install with: ${fix}`);
    expect(output).toContain('STATUS: fail');
  });

  it('passes when only optional pieces are missing, and marks them optional', async () => {
    const config = FULL_KERNEL_CONFIG.replace('CONFIG_IP_VS=m', '# CONFIG_IP_VS is not set');
    const { exitCode, output } = await run(fakeHost({ files: { '/proc/config.gz': config }, executables: ALL_TOOLS.filter((name) => name !== 'ipvsadm') }));
    expect(output).toMatch(/^  ipvs +missing \(optional\) +CONFIG_IP_VS not set/m);
    expect(output).toMatch(/^  ipvsadm +missing \(optional\)/m);
    expect(exitCode).toBe(0);
  });

  it('fails on a kernel without VXLAN and names the option', async () => {
    const config = FULL_KERNEL_CONFIG.replace('CONFIG_VXLAN=m', '# CONFIG_VXLAN is not set');
    const { exitCode, output } = await run(fakeHost({ files: { '/proc/config.gz': config }, executables: ALL_TOOLS }));
    expect(exitCode).toBe(1);
    expect(output).toMatch(/^  vxlan +missing +CONFIG_VXLAN not set/m);
  });
});

describe('checkNode kernel evidence', () => {
  const vxlan: Requirement = { kind: 'kernel', name: 'vxlan', required: true, why: 'overlay', configs: [['CONFIG_VXLAN']], modules: ['vxlan'] };
  const overlay: Requirement = { kind: 'kernel', name: 'overlayfs', required: true, why: 'images', configs: [['CONFIG_OVERLAY_FS']], filesystem: 'overlay' };
  const netfilter: Requirement = {
    kind: 'kernel', name: 'netfilter', required: true, why: 'nat', configs: [['CONFIG_IP_NF_IPTABLES', 'CONFIG_NF_TABLES']],
  };
  const cases: { name: string; requirement: Requirement; files: Record<string, string>; status: string }[] = [
    { name: 'accepts a loaded module when no kernel config exists', requirement: vxlan, files: { '/sys/module/vxlan/uevent': '' }, status: 'ok' },
    { name: 'accepts a module listed in /proc/modules', requirement: vxlan, files: { '/proc/modules': 'vxlan 1 0 - Live 0x0\n' }, status: 'ok' },
    { name: 'accepts a loadable module in modules.dep', requirement: vxlan, files: { '/lib/modules/6.1.0-test/modules.dep': 'kernel/drivers/net/vxlan/vxlan.ko: x\n' }, status: 'ok' },
    { name: 'reports missing when neither config nor run time shows it', requirement: vxlan, files: { '/proc/modules': '' }, status: 'missing' },
    { name: 'accepts overlay from /proc/filesystems', requirement: overlay, files: { '/proc/filesystems': 'nodev\tproc\n\toverlay\n' }, status: 'ok' },
    { name: 'accepts either of an any-of group', requirement: netfilter, files: { '/proc/config.gz': 'CONFIG_NF_TABLES=y\n' }, status: 'ok' },
    { name: 'reports unknown when there is nothing to look at', requirement: netfilter, files: {}, status: 'unknown' },
    { name: 'trusts the running kernel over a config that lacks the option', requirement: vxlan, files: { '/proc/config.gz': '', '/sys/module/vxlan/x': '' }, status: 'ok' },
  ];
  it.each(cases)('$name', async ({ requirement, files, status }) => {
    const check = await checkNode({ probe: fakeHost({ files }), requirements: [requirement] });
    expect(check.results[0]!.status).toBe(status);
  });
});
