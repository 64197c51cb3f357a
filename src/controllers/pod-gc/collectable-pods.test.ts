import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { missingNodesOfPods, nodesPastQuarantine, podsOnNodes, terminatedPodsBeyondThreshold, unscheduledTerminatingPods } from './collectable-pods.ts';

const pod = (name: string, opts: { phase?: string; created?: string; node?: string; deleting?: boolean; reason?: string } = {}): KubeObject => ({
  metadata: { name, namespace: 'default', creationTimestamp: opts.created ?? '2024-01-01T00:00:00Z', ...(opts.deleting ? { deletionTimestamp: '2024-01-02T00:00:00Z' } : {}) },
  spec: opts.node ? { nodeName: opts.node } : {},
  status: { phase: opts.phase ?? 'Running', ...(opts.reason ? { reason: opts.reason } : {}) },
});
const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe('terminatedPodsBeyondThreshold', () => {
  const pods = [
    pod('new', { phase: 'Succeeded', created: '2024-01-03T00:00:00Z' }),
    pod('old', { phase: 'Failed', created: '2024-01-01T00:00:00Z' }),
    pod('mid', { phase: 'Succeeded', created: '2024-01-02T00:00:00Z' }),
    pod('running', { created: '2023-01-01T00:00:00Z' }),
  ];
  it.each([
    { name: 'deletes the oldest terminated pods beyond the threshold', threshold: 1, expected: ['old', 'mid'] },
    { name: 'deletes nothing at or under the threshold', threshold: 3, expected: [] },
    { name: 'is off when the threshold is 0', threshold: 0, expected: [] },
  ])('$name', ({ threshold, expected }) => expect(names(terminatedPodsBeyondThreshold(pods, threshold))).toEqual(expected));
  it('deletes evicted pods before older ones', () => {
    const withEvicted = [...pods, pod('evicted', { phase: 'Failed', created: '2024-01-05T00:00:00Z', reason: 'Evicted' })];
    expect(names(terminatedPodsBeyondThreshold(withEvicted, 3))).toEqual(['evicted']);
  });
  it('never counts running pods', () => {
    expect(names(terminatedPodsBeyondThreshold([pod('a'), pod('b')], 1))).toEqual([]);
  });
});

describe('orphaned pods', () => {
  const pods = [pod('a', { node: 'gone' }), pod('b', { node: 'here' }), pod('c')];
  it('finds nodes that bound pods name but that do not exist', () => {
    expect([...missingNodesOfPods(pods, new Set(['here']))]).toEqual(['gone']);
  });
  it('selects the pods on given nodes', () => {
    expect(names(podsOnNodes(pods, new Set(['gone'])))).toEqual(['a']);
  });
});

describe('unscheduledTerminatingPods', () => {
  it('selects pods being deleted that have no node', () => {
    const pods = [pod('a', { deleting: true }), pod('b', { deleting: true, node: 'n' }), pod('c')];
    expect(names(unscheduledTerminatingPods(pods))).toEqual(['a']);
  });
});

describe('nodesPastQuarantine', () => {
  it('waits the quarantine after first noticing a missing node, then reports it', () => {
    const firstMissingAt = new Map<string, number>();
    const missing = new Set(['gone']);
    expect([...nodesPastQuarantine({ missing, firstMissingAt, nowMs: 0, quarantineMs: 40_000 })]).toEqual([]);
    expect([...nodesPastQuarantine({ missing, firstMissingAt, nowMs: 39_999, quarantineMs: 40_000 })]).toEqual([]);
    expect([...nodesPastQuarantine({ missing, firstMissingAt, nowMs: 40_000, quarantineMs: 40_000 })]).toEqual(['gone']);
  });
  it('forgets a node that comes back', () => {
    const firstMissingAt = new Map([['back', 0]]);
    nodesPastQuarantine({ missing: new Set(), firstMissingAt, nowMs: 50_000, quarantineMs: 40_000 });
    expect(firstMissingAt.size).toBe(0);
  });
});
