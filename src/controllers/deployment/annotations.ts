import { maxSurge } from './fenceposts.ts';
import { REVISION_ANNOTATION } from './replica-sets.ts';
import { desiredReplicas, type Deployment, type ReplicaSet } from './types.ts';

export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** As upstream's MaxRevHistoryLengthInChars. */
const MAX_REVISION_HISTORY_CHARS = 2000;

/** Annotations a Deployment does not copy to its ReplicaSets (upstream's annotationsToSkip). */
const SKIPPED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** Copies the deployment's annotations (but the skipped ones) onto `rs`, which is a copy; answers whether it changed. */
export function copyDeploymentAnnotations(d: Deployment, rs: ReplicaSet): boolean {
  let changed = false;
  const annotations = (rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}) });
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** Sets desired-replicas and max-replicas on `rs` (a copy); answers whether they changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}) });
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsFor(d: Deployment): { desired: number; max: number } {
  return { desired: desiredReplicas(d), max: desiredReplicas(d) + maxSurge(d) };
}

/**
 * The annotations of the new ReplicaSet (upstream's SetNewReplicaSetAnnotations), on `rs`, a
 * copy: the deployment's annotations, the revision raised to `newRevision` when lower, and the
 * revision it had before appended to revision-history (a rollback to this ReplicaSet, capped at
 * 2,000 characters by dropping the oldest). A ReplicaSet about to be created also gets the
 * replicas annotations. Answers whether anything changed.
 */
export function setNewReplicaSetAnnotations(opts: { d: Deployment; rs: ReplicaSet; newRevision: number; exists: boolean }): boolean {
  const { d, rs, newRevision } = opts;
  let changed = copyDeploymentAnnotations(d, rs);
  const annotations = rs.metadata.annotations!;
  const old = annotations[REVISION_ANNOTATION];
  const oldRevision = old === undefined ? 0 : Number.parseInt(old, 10);
  if (old !== undefined && old !== '' && !Number.isFinite(oldRevision)) return false;
  if ((Number.isFinite(oldRevision) ? oldRevision : 0) < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (old !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
      if (history === '') annotations[REVISION_HISTORY_ANNOTATION] = old;
      else {
        const parts = history.split(',');
        let total = history.length + old.length + 1;
        while (total > MAX_REVISION_HISTORY_CHARS && parts.length > 0) total -= parts.shift()!.length + 1;
        if (total <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY_ANNOTATION] = [...parts, old].join(',');
      }
    }
  }
  if (!opts.exists) {
    const { desired, max } = replicasAnnotationsFor(d);
    if (setReplicasAnnotations(rs, desired, max)) changed = true;
  }
  return changed;
}

/** The desired-replicas annotation, if it is a number. */
export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const raw = rs.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
}
