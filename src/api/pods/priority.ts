import { prefixOf } from '../storage/keys.ts';
import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { WatchCache } from '../storage/watch-cache.ts';

/** Upstream's built-in classes, which exist without PriorityClass objects. */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

interface PodSpec {
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
}

/**
 * The Priority admission plugin on pod create: spec.priority (and preemptionPolicy) from the
 * named PriorityClass, or from the class marked globalDefault, else 0. A pod naming a class
 * that does not exist is refused (403), as upstream.
 */
export function resolvePodPriority(pod: KubeObject, cache: WatchCache): void {
  const spec = (pod.spec ?? (pod.spec = {})) as PodSpec;
  const classes = cache.list(prefixOf('priorityclasses.scheduling.k8s.io')).map((c) => c.obj as KubeObject & { value?: number; globalDefault?: boolean; preemptionPolicy?: string });
  let value: number | undefined;
  let policy: string | undefined;
  const name = spec.priorityClassName;
  if (name) {
    const found = classes.find((c) => c.metadata.name === name);
    if (found) {
      value = found.value ?? 0;
      policy = found.preemptionPolicy;
    } else if (name in SYSTEM_CLASSES) {
      value = SYSTEM_CLASSES[name];
    } else {
      throw errors.forbidden(`pods "${pod.metadata.name ?? ''}" is forbidden: no PriorityClass with name ${name} was found`);
    }
  } else {
    const fallback = classes.find((c) => c.globalDefault === true);
    if (fallback) {
      spec.priorityClassName = fallback.metadata.name;
      value = fallback.value ?? 0;
      policy = fallback.preemptionPolicy;
    }
  }
  if (spec.priority !== undefined && value !== undefined && spec.priority !== value) {
    throw errors.forbidden(`pods "${pod.metadata.name ?? ''}" is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
  }
  spec.priority = value ?? spec.priority ?? 0;
  spec.preemptionPolicy = spec.preemptionPolicy ?? policy ?? 'PreemptLowerPriority';
}
