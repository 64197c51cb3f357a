import type { CheckResult, NodeCheck } from './evaluate.ts';

/** The printed report and whether the node can run Skiff (no required piece missing). */
export function formatNodeCheck(check: NodeCheck): { lines: string[]; ok: boolean } {
  const width = Math.max(...check.results.map((result) => result.requirement.name.length)) + 2;
  const row = (result: CheckResult) => {
    const { requirement } = result;
    const status = result.status === 'missing' && !requirement.required ? 'missing (optional)' : result.status;
    const parts = [`  ${requirement.name.padEnd(width)}${status.padEnd(20)}${result.detail}`];
    if (result.status === 'missing') {
      parts.push(`      used for: ${requirement.why}; fix: ${howToGet(result)}`);
    }
    return parts;
  };

  const kernel = check.results.filter((result) => result.requirement.kind === 'kernel');
  const tools = check.results.filter((result) => result.requirement.kind === 'tool');
  const missingRequired = check.results.filter((result) => result.status === 'missing' && result.requirement.required);
  const unknown = check.results.filter((result) => result.status === 'unknown');
  const packages = [
    ...new Set(missingRequired.flatMap((result) => (result.requirement.kind === 'tool' ? [result.requirement.debianPackage] : []))),
  ];

  const lines = [
    `Kernel ${check.kernelRelease}, config: ${check.kernelConfigSource ?? 'not found (checked /proc/config.gz, /boot/config-*, /usr/src/linux*/.config)'}`,
    '',
    'Kernel features:',
    ...kernel.flatMap(row),
    '',
    'Tools:',
    ...tools.flatMap(row),
    '',
  ];
  if (unknown.length > 0) lines.push(`Could not check: ${unknown.map((result) => result.requirement.name).join(', ')}`);
  if (missingRequired.length > 0) {
    lines.push(`Missing (required): ${missingRequired.map((result) => result.requirement.name).join(', ')}`);
    if (packages.length > 0) lines.push(`Install with: apt-get install ${packages.join(' ')}`);
  }
  lines.push(`STATUS: ${missingRequired.length === 0 ? 'pass' : 'fail'}`);
  return { lines, ok: missingRequired.length === 0 };
}

function howToGet(result: CheckResult): string {
  const { requirement } = result;
  if (requirement.kind === 'tool') return `apt-get install ${requirement.debianPackage}`;
  const options = requirement.configs.map((group) => group.join(' or ')).join(', ');
  return `use a kernel with ${options} (Debian's stock kernel has them), or load the module with modprobe ${requirement.modules?.[0] ?? ''}`.trimEnd();
}
