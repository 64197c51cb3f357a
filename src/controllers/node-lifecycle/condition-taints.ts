import { conditionStatus, type NodeCondition } from './node-conditions.ts';
import { TAINT_NOT_READY, TAINT_UNREACHABLE, type Taint } from './taints.ts';

/** The NoSchedule taint each condition status calls for (upstream's nodeConditionToTaintKeyStatusMap). */
const NO_SCHEDULE_BY_CONDITION: { type: string; status: string; key: string }[] = [
  { type: 'Ready', status: 'False', key: TAINT_NOT_READY },
  { type: 'Ready', status: 'Unknown', key: TAINT_UNREACHABLE },
  { type: 'MemoryPressure', status: 'True', key: 'node.kubernetes.io/memory-pressure' },
  { type: 'DiskPressure', status: 'True', key: 'node.kubernetes.io/disk-pressure' },
  { type: 'NetworkUnavailable', status: 'True', key: 'node.kubernetes.io/network-unavailable' },
  { type: 'PIDPressure', status: 'True', key: 'node.kubernetes.io/pid-pressure' },
];
const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const MANAGED_NO_SCHEDULE = new Set([...NO_SCHEDULE_BY_CONDITION.map((c) => c.key), TAINT_UNSCHEDULABLE]);
const MANAGED_NO_EXECUTE = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE]);

function isManaged(t: Taint): boolean {
  return (t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key)) || (t.effect === 'NoExecute' && MANAGED_NO_EXECUTE.has(t.key));
}

/**
 * The taints a node should carry given its conditions (upstream's TaintNodesByCondition and
 * doNoExecuteTaintingPass): NoSchedule taints for each unhealthy condition and for
 * spec.unschedulable; the not-ready or unreachable NoExecute taint while Ready is False or
 * Unknown. Taints the controller does not manage are kept; a managed taint already present
 * keeps its timeAdded; new NoExecute taints get `now`. `changed` is false when the set is the same.
 */
export function conditionTaints(opts: { taints: Taint[]; conditions: NodeCondition[]; unschedulable: boolean; now: string }): { taints: Taint[]; changed: boolean } {
  const wanted: Taint[] = [];
  for (const c of NO_SCHEDULE_BY_CONDITION) {
    if (conditionStatus(opts.conditions, c.type) === c.status) wanted.push({ key: c.key, effect: 'NoSchedule' });
  }
  if (opts.unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const ready = conditionStatus(opts.conditions, 'Ready');
  if (ready === 'False') wanted.push({ key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') wanted.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute' });

  const kept = opts.taints.filter((t) => !isManaged(t));
  const managed = wanted.map((w) => {
    const existing = opts.taints.find((t) => t.key === w.key && t.effect === w.effect);
    if (existing) return existing;
    return w.effect === 'NoExecute' ? { ...w, timeAdded: opts.now } : w;
  });
  const taints = [...kept, ...managed];
  const identity = (list: Taint[]) => list.map((t) => `${t.key}:${t.effect}`).sort().join(',');
  return { taints, changed: identity(taints) !== identity(opts.taints) };
}
