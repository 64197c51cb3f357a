import { describe, expect, it } from 'vitest';
import { finalizersAfterCleanup, groupResource, tallyRemaining } from './remaining-content.ts';

describe('tallyRemaining', () => {
  const now = new Date('2024-01-01T00:00:00Z');
  it('counts objects and the finalizers they carry', () => {
    const tally = tallyRemaining(
      [{ metadata: { name: 'a', finalizers: ['x/y'] } }, { metadata: { name: 'b', finalizers: ['x/y', 'z/w'] } }, { metadata: { name: 'c' } }],
      now,
    );
    expect(tally.count).toBe(3);
    expect([...tally.byFinalizer]).toEqual([['x/y', 2], ['z/w', 1]]);
  });
  it('estimates the wait from the latest pending graceful deletion', () => {
    const tally = tallyRemaining(
      [{ metadata: { name: 'a', deletionTimestamp: '2024-01-01T00:00:30Z' } }, { metadata: { name: 'b', deletionTimestamp: '2024-01-01T00:00:10Z' } }],
      now,
    );
    expect(tally.estimateSeconds).toBe(30);
  });
  it('estimates nothing when every deletion is already due', () => {
    expect(tallyRemaining([{ metadata: { name: 'a', deletionTimestamp: '2023-12-31T23:59:00Z' } }], now).estimateSeconds).toBe(0);
  });
});

describe('groupResource', () => {
  it.each([
    { type: { group: '', resource: 'pods' }, expected: 'pods.' },
    { type: { group: 'apps', resource: 'deployments' }, expected: 'deployments.apps' },
  ])('names $type.resource as $expected', ({ type, expected }) => expect(groupResource(type)).toBe(expected));
});

describe('finalizersAfterCleanup', () => {
  it.each([
    { name: 'removes the kubernetes finalizer and keeps the others', given: ['kubernetes', 'example.com/x'], expected: ['example.com/x'] },
    { name: 'answers an empty list when only kubernetes was there', given: ['kubernetes'], expected: [] },
    { name: 'copes with no finalizers', given: undefined, expected: [] },
  ])('$name', ({ given, expected }) => expect(finalizersAfterCleanup(given)).toEqual(expected));
});
