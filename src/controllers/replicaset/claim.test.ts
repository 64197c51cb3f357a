import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { claimDecision, ownershipPatch } from './claim.ts';

const owner: KubeObject = { metadata: { name: 'web', namespace: 'ns', uid: 'rs-uid' } };
const deletingOwner: KubeObject = { metadata: { ...owner.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } };
const ours = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true };
const theirs = { ...ours, name: 'other', uid: 'other-uid' };

function obj(o: { refs?: unknown[]; deleting?: boolean; namespace?: string } = {}): KubeObject {
  return { metadata: { name: 'p', namespace: o.namespace ?? 'ns', resourceVersion: '7', ownerReferences: o.refs, deletionTimestamp: o.deleting ? '2024-01-01T00:00:00Z' : undefined } };
}

describe('claimDecision()', () => {
  const cases: { name: string; owner: KubeObject; obj: KubeObject; matches: boolean; want: string }[] = [
    { name: 'keeps an owned object that matches', owner, obj: obj({ refs: [ours] }), matches: true, want: 'keep' },
    { name: 'releases an owned object that no longer matches', owner, obj: obj({ refs: [ours] }), matches: false, want: 'release' },
    { name: 'releases nothing while the owner is being deleted', owner: deletingOwner, obj: obj({ refs: [ours] }), matches: false, want: 'skip' },
    { name: 'skips an object another controller owns', owner, obj: obj({ refs: [theirs] }), matches: true, want: 'skip' },
    { name: 'adopts a matching orphan', owner, obj: obj(), matches: true, want: 'adopt' },
    { name: 'does not adopt a non-matching orphan', owner, obj: obj(), matches: false, want: 'skip' },
    { name: 'does not adopt an orphan being deleted', owner, obj: obj({ deleting: true }), matches: true, want: 'skip' },
    { name: 'does not adopt while the owner is being deleted', owner: deletingOwner, obj: obj(), matches: true, want: 'skip' },
    { name: 'does not adopt across namespaces', owner, obj: obj({ namespace: 'other' }), matches: true, want: 'skip' },
  ];
  for (const c of cases) it(c.name, () => expect(claimDecision({ owner: c.owner, obj: c.obj, matches: c.matches })).toBe(c.want));
});

describe('ownershipPatch()', () => {
  it('adds our controller reference next to others, guarded by the resourceVersion', () => {
    const other = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'x' };
    expect(ownershipPatch({ obj: obj({ refs: [other] }), ref: ours, action: 'adopt' })).toEqual({ metadata: { ownerReferences: [other, ours], resourceVersion: '7' } });
  });
  it('removes our reference on release, leaving none as null', () => {
    expect(ownershipPatch({ obj: obj({ refs: [ours] }), ref: ours, action: 'release' })).toEqual({ metadata: { ownerReferences: null, resourceVersion: '7' } });
  });
});
