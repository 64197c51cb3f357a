import type { KubeObject } from '../../client/index.ts';
import { controllerOf, type OwnerReference } from '../framework/index.ts';

/** What a controller does with an object its selector may cover (upstream's BaseControllerRefManager.ClaimObject). */
export type ClaimDecision = 'keep' | 'adopt' | 'release' | 'skip';

/**
 * - owned by another controller: skip;
 * - owned by us and matching: keep; owned by us and no longer matching: release (unless we are
 *   being deleted, when nothing is released);
 * - an orphan that matches, in our namespace, with neither side being deleted: adopt.
 */
export function claimDecision(opts: { owner: KubeObject; obj: KubeObject; matches: boolean }): ClaimDecision {
  const { owner, obj, matches } = opts;
  const ref = controllerOf(obj);
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'skip';
    if (matches) return 'keep';
    return ownerDeleting ? 'skip' : 'release';
  }
  if (ownerDeleting || !matches || obj.metadata.deletionTimestamp) return 'skip';
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return 'skip';
  return 'adopt';
}

/**
 * The merge patch that adopts `obj` (adds our controller reference) or releases it (removes
 * every reference to our UID). It carries the object's resourceVersion, so a concurrent change
 * (another controller adopting it first) fails with a Conflict instead of being overwritten;
 * upstream sends a strategic patch with the UID as precondition for the same reason.
 */
export function ownershipPatch(opts: { obj: KubeObject; ref: OwnerReference; action: 'adopt' | 'release' }): Record<string, unknown> {
  const refs = ((opts.obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? []).filter((r) => r.uid !== opts.ref.uid);
  if (opts.action === 'adopt') refs.push(opts.ref);
  return { metadata: { ownerReferences: refs.length > 0 ? refs : null, resourceVersion: opts.obj.metadata.resourceVersion } };
}
