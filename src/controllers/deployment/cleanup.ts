import { byRevision } from './replica-sets.ts';
import { rsReplicas, type ReplicaSet } from './types.ts';

/**
 * Old ReplicaSets beyond revisionHistoryLimit to delete (upstream's cleanupDeployment): the
 * lowest revisions first, skipping any that still has pods, is not yet observed at its latest
 * generation by the ReplicaSet controller, or is already being deleted.
 */
export function replicaSetsToCleanUp(oldRSs: ReplicaSet[], limit: number): ReplicaSet[] {
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return [];
  return [...cleanable]
    .sort(byRevision)
    .slice(0, diff)
    .filter((rs) => (rs.status?.replicas ?? 0) === 0 && rsReplicas(rs) === 0 && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0));
}
