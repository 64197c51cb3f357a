import { isNotFound, type KubeObject, type ResourceClient } from '../../client/index.ts';
import type { OwnerReference } from '../framework/index.ts';
import { claimDecision, ownershipPatch } from './claim.ts';

/**
 * Upstream's ControllerRefManager.Claim*: decides for every candidate (claimDecision), patches
 * the adoptions and releases in parallel, and answers what `owner` now owns. Before adopting,
 * a fresh read of the owner (not the cache) must still show it alive with the same UID
 * (RecheckDeletionTimestamp), so a deleted-and-recreated owner never adopts by mistake.
 */
export async function claimObjects<T extends KubeObject>(opts: {
  owner: KubeObject;
  ref: OwnerReference;
  candidates: T[];
  matches: (obj: T) => boolean;
  client: ResourceClient<T>;
  readOwner: () => Promise<KubeObject>;
}): Promise<T[]> {
  const owned: T[] = [];
  const changes: { obj: T; action: 'adopt' | 'release' }[] = [];
  for (const obj of opts.candidates) {
    const decision = claimDecision({ owner: opts.owner, obj, matches: opts.matches(obj) });
    if (decision === 'keep') owned.push(obj);
    else if (decision === 'adopt' || decision === 'release') changes.push({ obj, action: decision });
  }
  if (changes.length === 0) return owned;
  if (changes.some((c) => c.action === 'adopt')) {
    const fresh = await opts.readOwner();
    const what = `${opts.ref.kind} ${opts.owner.metadata.namespace}/${opts.owner.metadata.name}`;
    if (fresh.metadata.uid !== opts.owner.metadata.uid) throw new Error(`original ${what} is gone: got uid ${fresh.metadata.uid}, wanted ${opts.owner.metadata.uid}`);
    if (fresh.metadata.deletionTimestamp) throw new Error(`${what} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  }
  const results = await Promise.allSettled(
    changes.map(async ({ obj, action }) => {
      const updated = await opts.client.patch({ namespace: obj.metadata.namespace, name: obj.metadata.name!, type: 'merge', patch: ownershipPatch({ obj, ref: opts.ref, action }) });
      if (action === 'adopt') owned.push(updated);
    }),
  );
  // An object deleted meanwhile is simply not ours; anything else is retried with back-off.
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !isNotFound(r.reason));
  if (failure) throw failure.reason;
  return owned;
}
