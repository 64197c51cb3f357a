import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { dependentAction, ownerDeletionAction, ownerState, referencesWithout, unblockedReferences, type OwnerState } from './owner-decisions.ts';

const ref = (uid: string, block = false) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `owner-${uid}`, uid, ...(block ? { blockOwnerDeletion: true } : {}) });
const obj = (name: string, meta: Record<string, unknown> = {}): KubeObject => ({ metadata: { name, namespace: 'default', uid: `uid-${name}`, ...meta } });
const deleting = (finalizers: string[]) => ({ deletionTimestamp: '2024-01-01T00:00:00Z', finalizers });

describe('ownerState', () => {
  it.each([
    { name: 'is dangling when nothing has the name', found: undefined, expected: 'dangling' },
    { name: 'is dangling when another object now has the name', found: obj('o', { uid: 'other' }), expected: 'dangling' },
    { name: 'is solid when the same object exists', found: obj('o', { uid: 'u1' }), expected: 'solid' },
    { name: 'is waiting when the owner is deleted in the foreground', found: obj('o', { uid: 'u1', ...deleting(['foregroundDeletion']) }), expected: 'waiting' },
    { name: 'is solid while the owner is being orphan-deleted', found: obj('o', { uid: 'u1', ...deleting(['orphan']) }), expected: 'solid' },
  ])('$name', ({ found, expected }) => expect(ownerState(found, 'u1')).toBe(expected));
});

describe('dependentAction', () => {
  const owners = (...states: OwnerState[]) => states.map((state, i) => ({ uid: `u${i}`, state }));
  it.each([
    { name: 'does nothing to an object without owners', owners: [], expected: { kind: 'none' } },
    { name: 'does nothing while the only owner is solid', owners: owners('solid'), expected: { kind: 'none' } },
    { name: 'drops the reference to a gone owner when another owner is solid', owners: owners('solid', 'dangling'), expected: { kind: 'removeOwnerReferences', uids: ['u1'] } },
    { name: 'drops the reference to a waiting owner when another owner is solid', owners: owners('waiting', 'solid'), expected: { kind: 'removeOwnerReferences', uids: ['u0'] } },
    { name: 'deletes in the background when every owner is gone', owners: owners('dangling', 'dangling'), expected: { kind: 'delete', policy: 'Background', unblockFirst: false } },
    { name: 'deletes a childless dependent of a waiting owner in the background', owners: owners('waiting'), expected: { kind: 'delete', policy: 'Background', unblockFirst: false } },
    { name: 'deletes a dependent with dependents of a waiting owner in the foreground', owners: owners('waiting'), hasDependents: true, expected: { kind: 'delete', policy: 'Foreground', unblockFirst: false } },
    { name: 'unblocks its references first when one of its dependents also waits (a cycle)', owners: owners('waiting'), hasDependents: true, cycle: true, expected: { kind: 'delete', policy: 'Foreground', unblockFirst: true } },
  ])('$name', ({ owners, hasDependents, cycle, expected }) => {
    expect(dependentAction({ obj: obj('d'), owners, hasDependents: hasDependents ?? false, aDependentIsDeletingDependents: cycle ?? false })).toEqual(expected);
  });
  it.each([
    { name: 'keeps the orphan propagation its own finalizer asks for', finalizers: ['orphan'], policy: 'Orphan' },
    { name: 'keeps the foreground propagation its own finalizer asks for', finalizers: ['foregroundDeletion'], policy: 'Foreground' },
  ])('$name', ({ finalizers, policy }) => {
    expect(dependentAction({ obj: obj('d', { finalizers }), owners: owners('dangling'), hasDependents: false, aDependentIsDeletingDependents: false })).toEqual({ kind: 'delete', policy, unblockFirst: false });
  });
});

describe('ownerDeletionAction', () => {
  const owner = (finalizers: string[]) => obj('o', { uid: 'u1', ...deleting(finalizers) });
  const dependent = (name: string, block: boolean, meta: Record<string, unknown> = {}) => obj(name, { ownerReferences: [ref('u1', block)], ...meta });

  it('does nothing for an owner not being deleted', () => {
    expect(ownerDeletionAction(obj('o', { uid: 'u1', finalizers: ['foregroundDeletion'] }), [dependent('a', true)])).toEqual({ kind: 'none' });
  });
  it('orphans every dependent before removing the orphan finalizer', () => {
    const deps = [dependent('a', true), dependent('b', false)];
    expect(ownerDeletionAction(owner(['orphan']), deps)).toEqual({ kind: 'orphan', dependents: deps });
    expect(ownerDeletionAction(owner(['orphan']), [])).toEqual({ kind: 'removeFinalizer', finalizer: 'orphan' });
  });
  it('hands the dependents on while one still blocks foreground deletion', () => {
    const deps = [dependent('a', true), dependent('b', false)];
    expect(ownerDeletionAction(owner(['foregroundDeletion']), deps)).toEqual({ kind: 'processDependents', dependents: deps });
  });
  it('does not hand on a blocking dependent that is already going away', () => {
    const going = dependent('a', true, { deletionTimestamp: '2024-01-01T00:00:00Z' });
    expect(ownerDeletionAction(owner(['foregroundDeletion']), [going])).toEqual({ kind: 'processDependents', dependents: [] });
  });
  it('removes the foreground finalizer once no dependent blocks', () => {
    expect(ownerDeletionAction(owner(['foregroundDeletion']), [dependent('b', false)])).toEqual({ kind: 'removeFinalizer', finalizer: 'foregroundDeletion' });
  });
});

describe('reference edits', () => {
  const d = obj('d', { ownerReferences: [ref('u1', true), ref('u2')] });
  it('removes the references to given owners', () => expect(referencesWithout(d, new Set(['u1']))).toEqual([ref('u2')]));
  it('clears blockOwnerDeletion on every reference', () => expect(unblockedReferences(d).map((r) => r.blockOwnerDeletion)).toEqual([false, undefined]));
});
