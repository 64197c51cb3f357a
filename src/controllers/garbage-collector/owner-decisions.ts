import type { KubeObject } from '../../client/index.ts';
import type { OwnerReference } from '../framework/index.ts';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

/**
 * What an owner reference points at, as upstream's attemptToDeleteItem classifies owners:
 * `solid` exists and is not waiting for its dependents; `dangling` is gone (or another object
 * now has its name); `waiting` is being deleted in the foreground.
 */
export type OwnerState = 'solid' | 'dangling' | 'waiting';

export function finalizersOf(obj: KubeObject): string[] {
  return (obj.metadata.finalizers as string[] | undefined) ?? [];
}

export function ownerReferencesOf(obj: KubeObject): OwnerReference[] {
  return (obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
}

/** Whether the object is being deleted in the foreground: its dependents go first. */
export function isDeletingDependents(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp) && finalizersOf(obj).includes(FOREGROUND);
}

/** The state of the owner `uid` given the object found under its name (undefined: none). */
export function ownerState(found: KubeObject | undefined, uid: string): OwnerState {
  if (!found || found.metadata.uid !== uid) return 'dangling';
  return isDeletingDependents(found) ? 'waiting' : 'solid';
}

export type DependentAction =
  | { kind: 'none' }
  /** Drop references to owners that are gone or waiting, as the object keeps a solid owner. */
  | { kind: 'removeOwnerReferences'; uids: string[] }
  /** Delete the object; `unblockFirst` clears blockOwnerDeletion on its references first to break a cycle. */
  | { kind: 'delete'; policy: 'Background' | 'Foreground' | 'Orphan'; unblockFirst: boolean };

/**
 * What the collector does with an object given its owners' states (upstream's
 * attemptToDeleteItem): nothing while an owner is solid (dropping the references to absent or
 * waiting owners); delete it otherwise, in the foreground when an owner waits for it and it has
 * dependents of its own, else by the propagation its own finalizers ask for (Background by default).
 */
export function dependentAction(opts: {
  obj: KubeObject;
  owners: { uid: string; state: OwnerState }[];
  hasDependents: boolean;
  aDependentIsDeletingDependents: boolean;
}): DependentAction {
  if (opts.owners.length === 0) return { kind: 'none' };
  const solid = opts.owners.filter((o) => o.state === 'solid');
  const notSolid = opts.owners.filter((o) => o.state !== 'solid').map((o) => o.uid);
  if (solid.length > 0) return notSolid.length > 0 ? { kind: 'removeOwnerReferences', uids: notSolid } : { kind: 'none' };
  const waiting = opts.owners.some((o) => o.state === 'waiting');
  if (waiting && opts.hasDependents) return { kind: 'delete', policy: 'Foreground', unblockFirst: opts.aDependentIsDeletingDependents };
  const finalizers = finalizersOf(opts.obj);
  const policy = finalizers.includes(ORPHAN) ? 'Orphan' : finalizers.includes(FOREGROUND) ? 'Foreground' : 'Background';
  return { kind: 'delete', policy, unblockFirst: false };
}

export type OwnerDeletionAction =
  | { kind: 'none' }
  /** Foreground: these dependents must be dealt with (deleted, or unlinked when they have another owner) before the owner can go. */
  | { kind: 'processDependents'; dependents: KubeObject[] }
  /** Orphan: these dependents lose their reference to the owner, then the finalizer goes. */
  | { kind: 'orphan'; dependents: KubeObject[] }
  | { kind: 'removeFinalizer'; finalizer: string };

/**
 * The step the collector takes for an owner being deleted with one of its finalizers
 * (upstream's processDeletingDependentsItem and attemptToOrphan): orphaning first removes the
 * references of every dependent; foreground deletion waits until no dependent that blocks the
 * owner's deletion is left, handing those not already going to attemptToDelete.
 */
export function ownerDeletionAction(owner: KubeObject, dependents: KubeObject[]): OwnerDeletionAction {
  if (!owner.metadata.deletionTimestamp) return { kind: 'none' };
  const finalizers = finalizersOf(owner);
  const uid = owner.metadata.uid;
  if (finalizers.includes(ORPHAN)) {
    const referencing = dependents.filter((d) => ownerReferencesOf(d).some((r) => r.uid === uid));
    return referencing.length > 0 ? { kind: 'orphan', dependents: referencing } : { kind: 'removeFinalizer', finalizer: ORPHAN };
  }
  if (finalizers.includes(FOREGROUND)) {
    const blocking = dependents.filter((d) => ownerReferencesOf(d).some((r) => r.uid === uid && r.blockOwnerDeletion === true));
    if (blocking.length === 0) return { kind: 'removeFinalizer', finalizer: FOREGROUND };
    // Dependents still going (graceful pods) block without needing another delete.
    const pending = dependents.filter((d) => !d.metadata.deletionTimestamp || isDeletingDependents(d));
    return { kind: 'processDependents', dependents: pending };
  }
  return { kind: 'none' };
}

/** The object's references without those to `uids` (what the collector writes back). */
export function referencesWithout(obj: KubeObject, uids: Set<string>): OwnerReference[] {
  return ownerReferencesOf(obj).filter((r) => !uids.has(r.uid));
}

/** The object's references with blockOwnerDeletion cleared (upstream's unblockOwnerReferences). */
export function unblockedReferences(obj: KubeObject): OwnerReference[] {
  return ownerReferencesOf(obj).map((r) => (r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r));
}
