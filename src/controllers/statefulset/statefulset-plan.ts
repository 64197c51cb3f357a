import type { KubeObject } from '../../client/index.ts';
import { isHealthy, isCreated, isFinished, isRunningAndAvailable, isRunningAndReady, isTerminating, podOrdinal, podRevision } from './stateful-pod.ts';
import type { StatefulSet, StatefulSetStatus } from './statefulset-types.ts';

/** One write the StatefulSet controller should make this sync, in order. */
export type StatefulSetAction =
  | { kind: 'create'; ordinal: number; revision: 'current' | 'update' }
  | { kind: 'delete'; pod: KubeObject; reason: 'failed' | 'condemned' | 'update' };

export interface StatefulSetPlanInput {
  set: StatefulSet;
  pods: KubeObject[];
  currentRevision: string;
  updateRevision: string;
  now: Date;
}

/**
 * Upstream's updateStatefulSet (defaultStatefulSetControl) as a pure function. OrderedReady
 * ("monotonic") makes at most one change and then waits for that pod to be Running and
 * Ready; Parallel makes every change at once. Scale-down removes the highest ordinals first;
 * a RollingUpdate replaces, from the highest ordinal down to the partition, one pod at a
 * time and only when every pod is healthy.
 */
export function planStatefulSet(input: StatefulSetPlanInput): StatefulSetAction[] {
  const { set, currentRevision, updateRevision } = input;
  const monotonic = (set.spec.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const replicas = set.spec.replicas ?? 1;
  const start = set.spec.ordinals?.start ?? 0;
  const end = start + replicas;
  const slots = new Map<number, KubeObject>();
  const condemned: KubeObject[] = [];
  for (const pod of input.pods) {
    const ordinal = podOrdinal(set, pod);
    if (ordinal === undefined) continue;
    if (ordinal >= start && ordinal < end) slots.set(ordinal, pod);
    else condemned.push(pod);
  }
  condemned.sort((a, b) => podOrdinal(set, b)! - podOrdinal(set, a)!);
  const actions: StatefulSetAction[] = [];
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition;
  const revisionFor = (ordinal: number): 'current' | 'update' => {
    if (currentRevision === updateRevision) return 'update';
    const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    // As newVersionedStatefulSetPod: below the partition (or, without one, within the replicas
    // already current) a re-created pod keeps the current revision.
    if (rolling && partition === undefined && ordinal - start < (set.status?.currentReplicas ?? 0)) return 'current';
    if (rolling && partition !== undefined && ordinal < partition) return 'current';
    return 'update';
  };

  // 1. Replicas in ordinal order: replace finished pods, create missing ones, wait on unhealthy ones.
  for (let ordinal = start; ordinal < end; ordinal++) {
    const pod = slots.get(ordinal);
    if (pod && isFinished(pod) && !isTerminating(pod)) {
      actions.push({ kind: 'delete', pod, reason: 'failed' });
      if (monotonic) return actions;
      continue;
    }
    if (!pod) {
      actions.push({ kind: 'create', ordinal, revision: revisionFor(ordinal) });
      if (monotonic) return actions;
      continue;
    }
    if (monotonic && (isTerminating(pod) || !isRunningAndAvailable(pod, set.spec.minReadySeconds ?? 0, input.now))) return actions;
  }

  // 2. Condemned pods, highest ordinal first; OrderedReady waits for each to go and for the rest to be healthy.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return actions;
      continue;
    }
    if (monotonic && [...slots.values()].some((p) => !isRunningAndReady(p))) return actions;
    actions.push({ kind: 'delete', pod, reason: 'condemned' });
    if (monotonic) return actions;
  }
  if (actions.length > 0 && monotonic) return actions;

  // 3. RollingUpdate: the highest ordinal at or above the partition not yet at the update revision.
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return actions;
  if (actions.length > 0) return actions;
  const floor = Math.max(start, partition ?? start);
  for (let ordinal = end - 1; ordinal >= floor; ordinal--) {
    const pod = slots.get(ordinal);
    if (!pod) return actions;
    if (podRevision(pod) !== updateRevision) {
      if (!isTerminating(pod)) actions.push({ kind: 'delete', pod, reason: 'update' });
      return actions;
    }
    if (!isHealthy(pod)) return actions;
  }
  return actions;
}

/** Upstream's computeReplicaStatus plus the rollover of currentRevision when an update is complete. */
export function statefulSetStatus(input: StatefulSetPlanInput & { collisionCount?: number }): StatefulSetStatus {
  const { set, pods, now } = input;
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation as number | undefined,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: input.currentRevision,
    updateRevision: input.updateRevision,
    collisionCount: input.collisionCount ?? set.status?.collisionCount ?? 0,
  };
  for (const pod of pods) {
    if (podOrdinal(set, pod) === undefined) continue;
    if (isCreated(pod)) status.replicas++;
    if (isRunningAndReady(pod) && !isTerminating(pod)) status.readyReplicas!++;
    if (isRunningAndAvailable(pod, set.spec.minReadySeconds ?? 0, now) && !isTerminating(pod)) status.availableReplicas!++;
    if (isCreated(pod) && !isTerminating(pod)) {
      if (podRevision(pod) === input.currentRevision) status.currentReplicas!++;
      if (podRevision(pod) === input.updateRevision) status.updatedReplicas!++;
    }
  }
  const replicas = set.spec.replicas ?? 1;
  const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  // completeRollingUpdate: every replica runs the update revision, so it becomes current.
  if (rolling && status.updatedReplicas === status.replicas && status.replicas === replicas && status.readyReplicas === replicas) {
    status.currentRevision = input.updateRevision;
    status.currentReplicas = status.updatedReplicas;
  }
  if (status.currentRevision === status.updateRevision) status.currentReplicas = status.updatedReplicas;
  return status;
}
