import type { Pod, PriorityClass } from './types.ts';

/** The built-in classes (upstream's scheduling.SystemPriorityClasses). */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

/**
 * The pod's priority: spec.priority when the API's Priority admission set it; otherwise
 * resolved here from its PriorityClass, the global default class, or 0, as that admission
 * step would have (so the scheduler orders and preempts correctly either way).
 */
export function resolvePriority(pod: Pod, classes: Iterable<PriorityClass>): Pod {
  if (pod.spec.priority !== undefined) return pod;
  const list = [...classes];
  const name = pod.spec.priorityClassName;
  let priority: number | undefined;
  let policy: PriorityClass['preemptionPolicy'];
  if (name) {
    const cls = list.find((c) => c.metadata.name === name);
    priority = cls?.value ?? SYSTEM_CLASSES[name];
    policy = cls?.preemptionPolicy;
  } else {
    const defaults = list.filter((c) => c.globalDefault);
    if (defaults.length > 0) {
      const lowest = defaults.reduce((a, b) => (b.value < a.value ? b : a));
      priority = lowest.value;
      policy = lowest.preemptionPolicy;
    }
  }
  if (priority === undefined) return pod;
  return { ...pod, spec: { ...pod.spec, priority, preemptionPolicy: pod.spec.preemptionPolicy ?? policy } };
}
