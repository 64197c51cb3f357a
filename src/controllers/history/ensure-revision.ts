import { isNotFound, type KubeObject, type ResourceClient } from '../../client/index.ts';
import { equalRevision, newControllerRevision, nextRevisionNumber, revisionsToTruncate, type ControllerRevision } from './controller-revision.ts';
import { createRevision, RevisionCollisionError } from './revision-writer.ts';

/**
 * The revision of `data` for `parent`, made if missing (the part DaemonSet's constructHistory
 * and StatefulSet's getStatefulSetRevisions share): an existing equal revision is reused and,
 * when older than the newest, renumbered to be the newest (so `rollout undo` to it counts as
 * a new revision, as upstream); a hash collision bumps collisionCount and tries again.
 */
export async function ensureRevision(opts: {
  client: ResourceClient<ControllerRevision>;
  parent: KubeObject;
  apiVersion: string;
  kind: string;
  labels: Record<string, string>;
  data: unknown;
  revisions: ControllerRevision[];
  collisionCount: number;
}): Promise<{ revision: ControllerRevision; collisionCount: number }> {
  let collisionCount = opts.collisionCount;
  const next = nextRevisionNumber(opts.revisions);
  const probe = newControllerRevision({ ...opts, revision: next, collisionCount });
  const equal = opts.revisions.filter((r) => equalRevision(r, probe)).sort((a, b) => b.revision - a.revision)[0];
  if (equal) {
    if (equal.revision === next - 1) return { revision: equal, collisionCount };
    const renumbered = await opts.client.patch({ namespace: equal.metadata.namespace, name: equal.metadata.name!, type: 'merge', patch: { revision: next } });
    return { revision: renumbered, collisionCount };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const revision = await createRevision(opts.client, newControllerRevision({ ...opts, revision: next, collisionCount }));
      return { revision, collisionCount };
    } catch (error) {
      if (!(error instanceof RevisionCollisionError) || attempt >= 10) throw error;
      collisionCount++;
    }
  }
}

/** Deletes old revisions beyond `limit`, keeping any in `live` (upstream's truncateHistory). */
export async function truncateHistory(opts: { client: ResourceClient<ControllerRevision>; revisions: ControllerRevision[]; live: Set<string>; limit: number }): Promise<void> {
  for (const r of revisionsToTruncate(opts)) {
    try {
      await opts.client.delete({ namespace: r.metadata.namespace, name: r.metadata.name! });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/** The pod template a revision stores (ApplyRevision onto an empty parent: the replace patch's body). */
export function templateOfRevision(revision: ControllerRevision): Record<string, unknown> {
  const template = { ...((revision.data as { spec?: { template?: Record<string, unknown> } })?.spec?.template ?? {}) };
  delete template.$patch;
  return template;
}
