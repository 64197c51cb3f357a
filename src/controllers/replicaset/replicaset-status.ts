import { isPodAvailable, isPodReady } from '../framework/index.ts';
import type { Condition, Pod, ReplicaSet, ReplicaSetStatus } from './types.ts';

/**
 * The status a ReplicaSet should carry (upstream's calculateStatus): counts over its active
 * pods, and the ReplicaFailure condition set when creating or deleting pods failed (reason
 * FailedCreate / FailedDelete, the error as message) and cleared once they succeed again.
 * `observedGeneration` is the object's generation, as updateReplicaSetStatus writes it.
 */
export function replicaSetStatus(opts: { rs: ReplicaSet; activePods: Pod[]; manageError?: Error; now: Date; stamp: string }): ReplicaSetStatus {
  const { rs, activePods } = opts;
  const templateLabels = Object.entries(rs.spec.template?.metadata?.labels ?? {});
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    const labels = pod.metadata.labels ?? {};
    if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, opts.now)) available++;
    }
  }
  let conditions: Condition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (opts.manageError && !failure) {
    const diff = activePods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: opts.stamp, reason, message: opts.manageError.message });
  } else if (!opts.manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = {
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 0,
  };
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

/** Whether writing `next` would change what the ReplicaSet's status says (skips no-op writes). */
export function replicaSetStatusChanged(current: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  const c = current ?? { replicas: 0 };
  return (
    (c.replicas ?? 0) !== next.replicas ||
    (c.fullyLabeledReplicas ?? 0) !== next.fullyLabeledReplicas ||
    (c.readyReplicas ?? 0) !== next.readyReplicas ||
    (c.availableReplicas ?? 0) !== next.availableReplicas ||
    (c.observedGeneration ?? 0) !== next.observedGeneration ||
    JSON.stringify(c.conditions ?? []) !== JSON.stringify(next.conditions ?? [])
  );
}

/**
 * When to look again for pods that become available (upstream: all replicas ready but not yet
 * all available, and minReadySeconds > 0: resync after minReadySeconds).
 */
export function availabilityRecheckMs(rs: ReplicaSet, status: ReplicaSetStatus): number | undefined {
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  const replicas = rs.spec.replicas ?? 1;
  if (minReadySeconds > 0 && status.readyReplicas === replicas && status.availableReplicas !== replicas) return minReadySeconds * 1000;
  return undefined;
}
