import { describe, expect, it } from 'vitest';
import { newControllerRevision, nextRevisionNumber, revisionsToTruncate, templatePatch, type ControllerRevision } from './controller-revision.ts';
import { hashRevision } from './revision-hash.ts';

const parent = { metadata: { name: 'web', namespace: 'default', uid: 'u1' } };
const rev = (name: string, revision: number): ControllerRevision => ({ metadata: { name }, revision });

describe('hashRevision()', () => {
  it.each([
    ['gives equal objects the same hash whatever their key order', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, true],
    ['gives different templates different hashes', { image: 'a' }, { image: 'b' }, false],
  ])('%s', (_name, a, b, equal) => {
    expect(hashRevision(a) === hashRevision(b)).toBe(equal);
  });

  it('changes the hash when a collision count is given', () => {
    expect(hashRevision({ a: 1 }, 1)).not.toBe(hashRevision({ a: 1 }));
    expect(hashRevision({ a: 1 }, 1)).not.toBe(hashRevision({ a: 1 }, 2));
  });

  it('writes only the safe alphabet, so a hash never spells words or looks numeric', () => {
    expect(hashRevision({ x: 'y' })).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });
});

describe('newControllerRevision()', () => {
  it('names the revision after its parent and hash, labels it and makes the parent its controller', () => {
    const r = newControllerRevision({ parent, apiVersion: 'apps/v1', kind: 'StatefulSet', labels: { app: 'web' }, data: templatePatch({ spec: {} }), revision: 3 });
    const hash = r.metadata.labels!['controller-revision-hash'];
    expect(r.metadata.name).toBe(`web-${hash}`);
    expect(r.metadata.labels!.app).toBe('web');
    expect(r.revision).toBe(3);
    expect(r.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u1', controller: true, blockOwnerDeletion: true }]);
    expect(r.data).toEqual({ spec: { template: { spec: {}, $patch: 'replace' } } });
  });
});

describe('history helpers', () => {
  it('numbers the next revision one past the highest', () => {
    expect(nextRevisionNumber([])).toBe(1);
    expect(nextRevisionNumber([rev('a', 2), rev('b', 7)])).toBe(8);
  });

  it.each([
    ['keeps everything within the limit', [rev('a', 1), rev('b', 2)], [], 2, []],
    ['deletes the oldest revisions beyond the limit', [rev('c', 3), rev('a', 1), rev('b', 2)], [], 1, ['a', 'b']],
    ['never deletes a live revision', [rev('a', 1), rev('b', 2), rev('c', 3)], ['a'], 1, ['b']],
  ])('%s', (_name, revisions, live, limit, expected) => {
    expect(revisionsToTruncate({ revisions, live: new Set(live), limit }).map((r) => r.metadata.name)).toEqual(expected);
  });
});
