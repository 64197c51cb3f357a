/**
 * `kubectl get hpa`: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE, as upstream's
 * printHorizontalPodAutoscaler (autoscaling/v2 storage form): TARGETS lists each metric as
 * `current/target` (`cpu: 30%/50%`, `<unknown>` before a measurement), at most three then `+ N more...`.
 */
import type { TablePrinter } from '../resources/types.ts';
import type { KubeObject } from '../meta/object.ts';
import { asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

interface Target {
  type?: string;
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}
interface Metric {
  type?: string;
  resource?: { name?: string; target?: Target; current?: Target };
  containerResource?: { name?: string; container?: string; target?: Target; current?: Target };
  pods?: { target?: Target; current?: Target };
  object?: { target?: Target; current?: Target };
  external?: { target?: Target; current?: Target };
}

export const horizontalPodAutoscalerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Reference', 'string', described('reference to the target object')),
    column('Targets', 'string', described('the current and desired metric values')),
    column('MinPods', 'string', described('minimum number of replicas')),
    column('MaxPods', 'integer', described('maximum number of replicas')),
    column('Replicas', 'integer', described('current number of replicas')),
    ageColumn,
  ],
  cells(hpa, now) {
    const ref = field(hpa, 'spec', 'scaleTargetRef') as { kind?: string; name?: string } | undefined;
    const min = field(hpa, 'spec', 'minReplicas');
    return [
      nameOf(hpa),
      ref ? `${ref.kind ?? ''}/${ref.name ?? ''}` : '',
      targets(hpa),
      typeof min === 'number' ? String(min) : '<unset>',
      field(hpa, 'spec', 'maxReplicas') ?? 0,
      field(hpa, 'status', 'currentReplicas') ?? 0,
      ageSince(hpa.metadata.creationTimestamp, now),
    ];
  },
};

function targets(hpa: KubeObject): string {
  const specs = (field(hpa, 'spec', 'metrics') as Metric[] | undefined) ?? [];
  const current = (field(hpa, 'status', 'currentMetrics') as Metric[] | undefined) ?? [];
  if (specs.length === 0) return '<none>';
  const parts = specs.map((m, i) => describe(m, current[i]));
  return parts.length > 3 ? `${parts.slice(0, 3).join(', ')} + ${parts.length - 3} more...` : parts.join(', ');
}

function describe(spec: Metric, status: Metric | undefined): string {
  const pick = (m: Metric | undefined) => m?.resource ?? m?.containerResource ?? m?.pods ?? m?.object ?? m?.external;
  const target = pick(spec)?.target ?? {};
  const current = (pick(status) as { current?: Target } | undefined)?.current;
  const name = spec.resource?.name ?? spec.containerResource?.name;
  const prefix = name ? `${name}: ` : '';
  if (target.averageUtilization !== undefined) {
    const now = current?.averageUtilization;
    return `${prefix}${now !== undefined ? `${now}%` : '<unknown>'}/${target.averageUtilization}%`;
  }
  const want = target.averageValue ?? target.value ?? '';
  const have = current?.averageValue ?? current?.value;
  return `${prefix}${have ?? '<unknown>'}/${asString(want)}`;
}
