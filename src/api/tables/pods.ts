/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';
import { summarizePod } from './pod-status.ts';
import type { RowConditionPrinter } from './row-conditions.ts';

export const podPrinter: TablePrinter & RowConditionPrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', described('The aggregate readiness state of this pod for accepting traffic.')),
    column('Status', 'string', described('The aggregate status of the containers in this pod.')),
    column(
      'Restarts',
      'string',
      described('The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ),
    ageColumn,
    column('IP', 'string', 'PodStatus.podIP', 1),
    column('Node', 'string', 'PodSpec.nodeName', 1),
    column('Nominated Node', 'string', 'PodStatus.nominatedNodeName', 1),
    column('Readiness Gates', 'string', 'PodSpec.readinessGates', 1),
  ],
  cells(pod, now) {
    const summary = summarizePod(pod, now);
    const podIP = asString(field(pod, 'status', 'podIPs', '0', 'ip')) || '<none>';
    return [
      nameOf(pod),
      summary.ready,
      summary.status,
      summary.restarts,
      ageSince(pod.metadata.creationTimestamp, now),
      podIP,
      asString(field(pod, 'spec', 'nodeName')) || '<none>',
      asString(field(pod, 'status', 'nominatedNodeName')) || '<none>',
      readinessGates(pod),
    ];
  },
  // Finished pods carry a Completed row condition, as upstream's podSuccessConditions/podFailedConditions.
  rowConditions(pod) {
    const phase = field(pod, 'status', 'phase');
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    return undefined;
  },
};

/** `true/total` over spec.readinessGates, counting conditions whose status is True. */
function readinessGates(pod: Parameters<TablePrinter['cells']>[0]): string {
  const gates = asArray(field(pod, 'spec', 'readinessGates'));
  if (gates.length === 0) return '<none>';
  const conditions = asArray(field(pod, 'status', 'conditions'));
  const satisfied = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${satisfied}/${gates.length}`;
}
