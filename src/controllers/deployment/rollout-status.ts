import { AVAILABLE, PROGRESSING, REPLICA_FAILURE, getCondition, newCondition, reasons, removeCondition, setCondition } from './conditions.ts';
import { maxUnavailable } from './fenceposts.ts';
import { sum } from './replica-sets.ts';
import { desiredReplicas, type Deployment, type DeploymentStatus, type ReplicaSet } from './types.ts';

/** progressDeadlineSeconds of MaxInt32 means "no deadline" (upstream's HasProgressDeadline). */
const NO_DEADLINE = 2147483647;

export function hasProgressDeadline(d: Deployment): boolean {
  return d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== null && d.spec.progressDeadlineSeconds !== NO_DEADLINE;
}

/**
 * Counts and the Available condition from the ReplicaSets (upstream's calculateStatus): what
 * `kubectl get deploy` shows as READY, UP-TO-DATE and AVAILABLE.
 */
export function calculateStatus(d: Deployment, opts: { allRSs: ReplicaSet[]; newRS?: ReplicaSet; stamp: string }): DeploymentStatus {
  const available = sum.available(opts.allRSs);
  const unavailable = Math.max(0, sum.specReplicas(opts.allRSs) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sum.statusReplicas(opts.allRSs),
    updatedReplicas: opts.newRS ? sum.statusReplicas([opts.newRS]) : 0,
    readyReplicas: sum.ready(opts.allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: [...(d.status?.conditions ?? [])].map((c) => ({ ...c })),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition({ type: AVAILABLE, status: 'True', reason: reasons.minimumAvailable, message: 'Deployment has minimum availability.', stamp: opts.stamp }));
  } else {
    setCondition(status, newCondition({ type: AVAILABLE, status: 'False', reason: reasons.minimumUnavailable, message: 'Deployment does not have minimum availability.', stamp: opts.stamp }));
  }
  return status;
}

/** DeploymentComplete: every desired replica updated and available, and the latest spec observed. */
export function isComplete(d: Deployment, status: DeploymentStatus): boolean {
  const desired = desiredReplicas(d);
  return status.updatedReplicas === desired && status.replicas === desired && status.availableReplicas === desired && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than last time. */
export function isProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: the Progressing condition has not been updated for progressDeadlineSeconds. */
export function isTimedOut(d: Deployment, status: DeploymentStatus, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, PROGRESSING);
  if (!cond) return false;
  if (cond.reason === reasons.newRSAvailable) return false;
  if (cond.reason === reasons.timedOut) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  return Number.isFinite(from) && from + d.spec.progressDeadlineSeconds! * 1000 < now.getTime();
}

/**
 * The status after a rollout step (upstream's syncRolloutStatus): counts, then the Progressing
 * condition (NewReplicaSetAvailable when complete, ReplicaSetUpdated while progressing,
 * ProgressDeadlineExceeded once stuck past the deadline) and ReplicaFailure mirrored from the
 * ReplicaSets. Also answers when to look again for a deadline (requeueStuckDeployment).
 */
export function rolloutStatus(d: Deployment, opts: { allRSs: ReplicaSet[]; newRS?: ReplicaSet; now: Date; stamp: string }): { status: DeploymentStatus; recheckMs?: number } {
  const status = calculateStatus(d, opts);
  if (!hasProgressDeadline(d)) removeCondition(status, PROGRESSING);
  const current = getCondition(status, PROGRESSING);
  const alreadyComplete = status.replicas === status.updatedReplicas && current?.reason === reasons.newRSAvailable;
  if (hasProgressDeadline(d) && !alreadyComplete) {
    const subject = opts.newRS ? `ReplicaSet "${opts.newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (isComplete(d, status)) {
      setCondition(status, newCondition({ type: PROGRESSING, status: 'True', reason: reasons.newRSAvailable, message: `${subject} has successfully progressed.`, stamp: opts.stamp }));
    } else if (isProgressing(d, status)) {
      const cond = newCondition({ type: PROGRESSING, status: 'True', reason: reasons.rsUpdated, message: `${subject} is progressing.`, stamp: opts.stamp });
      // Progress refreshes lastUpdateTime (the deadline's start) but is no transition.
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, PROGRESSING);
      setCondition(status, cond);
    } else if (isTimedOut(d, status, opts.now)) {
      setCondition(status, newCondition({ type: PROGRESSING, status: 'False', reason: reasons.timedOut, message: `${subject} has timed out progressing.`, stamp: opts.stamp }));
    }
  }
  const failures = opts.allRSs.flatMap((rs) => (rs.status?.conditions ?? []).filter((c) => c.type === REPLICA_FAILURE));
  if (failures.length > 0) {
    const f = failures[0];
    setCondition(status, newCondition({ type: REPLICA_FAILURE, status: f.status, reason: f.reason ?? '', message: f.message ?? '', stamp: f.lastTransitionTime ?? opts.stamp }));
  } else removeCondition(status, REPLICA_FAILURE);
  return { status, recheckMs: stuckRecheckMs(d, status, opts.now) };
}

/** requeueStuckDeployment: when the deadline of a rollout still in progress falls due. */
function stuckRecheckMs(d: Deployment, status: DeploymentStatus, now: Date): number | undefined {
  const cond = getCondition(status, PROGRESSING);
  if (!hasProgressDeadline(d) || !cond || isComplete(d, status) || cond.reason === reasons.timedOut) return undefined;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  if (!Number.isFinite(from)) return undefined;
  return Math.max(0, from + d.spec.progressDeadlineSeconds! * 1000 - now.getTime()) + 1000;
}

/**
 * The Progressing condition while paused (upstream's checkPausedConditions): DeploymentPaused
 * when paused, DeploymentResumed when resumed, both Unknown so the pause never counts against
 * the deadline; a timed-out rollout keeps ProgressDeadlineExceeded. Answers whether it changed.
 */
export function applyPausedCondition(d: Deployment, status: DeploymentStatus, stamp: string): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, PROGRESSING);
  if (cond?.reason === reasons.timedOut) return false;
  const pausedExists = cond?.reason === reasons.paused;
  if (d.spec.paused && !pausedExists) {
    setCondition(status, newCondition({ type: PROGRESSING, status: 'Unknown', reason: reasons.paused, message: 'Deployment is paused', stamp }));
    return true;
  }
  if (!d.spec.paused && pausedExists) {
    setCondition(status, newCondition({ type: PROGRESSING, status: 'Unknown', reason: reasons.resumed, message: 'Deployment is resumed', stamp }));
    return true;
  }
  return false;
}
