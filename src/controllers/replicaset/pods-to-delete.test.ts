import { describe, expect, it } from 'vitest';
import { podsToDelete } from './pods-to-delete.ts';
import type { Pod } from './types.ts';

const NOW = new Date('2024-01-01T12:00:00Z');

function pod(name: string, o: { node?: string; phase?: string; ready?: string; created?: string; restarts?: number; cost?: number } = {}): Pod {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: o.created ?? '2024-01-01T00:00:00Z',
      annotations: o.cost !== undefined ? { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } : undefined,
    },
    spec: { nodeName: o.node },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
    },
  };
}

describe('podsToDelete()', () => {
  const cases: { name: string; pods: Pod[]; related?: Pod[]; want: string }[] = [
    { name: 'deletes an unscheduled pod before a scheduled one', pods: [pod('a', { node: 'n1' }), pod('b')], want: 'b' },
    { name: 'deletes a pending pod before a running one', pods: [pod('a', { node: 'n', phase: 'Running' }), pod('b', { node: 'n', phase: 'Pending' })], want: 'b' },
    { name: 'deletes an unknown-phase pod before a running one', pods: [pod('a', { node: 'n', phase: 'Running' }), pod('b', { node: 'n', phase: 'Unknown' })], want: 'b' },
    { name: 'deletes a not-ready pod before a ready one', pods: [pod('a', { node: 'n', ready: '2024-01-01T01:00:00Z' }), pod('b', { node: 'n' })], want: 'b' },
    { name: 'deletes the pod with the lower deletion cost first', pods: [pod('a', { node: 'n', cost: 5 }), pod('b', { node: 'n', cost: -1 })], want: 'b' },
    {
      name: 'deletes a pod doubled up on a node before a lone one',
      pods: [pod('a', { node: 'n1' }), pod('b', { node: 'n2' })],
      related: [pod('a', { node: 'n1' }), pod('b', { node: 'n2' }), pod('x', { node: 'n2' })],
      want: 'b',
    },
    {
      name: 'deletes the pod ready for less time first',
      pods: [pod('a', { node: 'n', ready: '2024-01-01T00:00:00Z' }), pod('b', { node: 'n', ready: '2024-01-01T11:59:00Z' })],
      want: 'b',
    },
    { name: 'deletes the pod with more restarts first', pods: [pod('a', { node: 'n', restarts: 1 }), pod('b', { node: 'n', restarts: 7 })], want: 'b' },
    { name: 'deletes the newer pod first', pods: [pod('a', { node: 'n', created: '2023-12-01T00:00:00Z' }), pod('b', { node: 'n', created: '2024-01-01T11:59:59Z' })], want: 'b' },
    {
      name: 'breaks a tie within one log2 age bucket by UID',
      pods: [pod('b', { node: 'n', created: '2024-01-01T11:00:00Z' }), pod('a', { node: 'n', created: '2024-01-01T11:00:01Z' })],
      want: 'a',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = podsToDelete({ pods: c.pods, related: c.related ?? c.pods, count: 1, now: NOW });
      expect(got.map((p) => p.metadata.name)).toEqual([c.want]);
    });
  }

  it('answers every pod when asked for as many or more', () => {
    expect(podsToDelete({ pods: [pod('a'), pod('b')], related: [], count: 5, now: NOW })).toHaveLength(2);
  });
});
