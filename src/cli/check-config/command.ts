import type { CliContext } from '../context.ts';
import { checkNode } from './evaluate.ts';
import type { HostProbe } from './host-probe.ts';
import { formatNodeCheck } from './report.ts';
import { NODE_REQUIREMENTS } from './requirements.ts';

/** `skiff check-config`: prints the report; exit status 1 when a required piece is missing. */
export async function runCheckConfigCommand(context: Pick<CliContext, 'print'>, probe: HostProbe): Promise<number> {
  const report = formatNodeCheck(await checkNode({ probe, requirements: NODE_REQUIREMENTS }));
  for (const line of report.lines) context.print(line);
  return report.ok ? 0 : 1;
}
