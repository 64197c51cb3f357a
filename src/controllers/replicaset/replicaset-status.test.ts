import { describe, expect, it } from 'vitest';
import { availabilityRecheckMs, replicaSetStatus, replicaSetStatusChanged } from './replicaset-status.ts';
import type { Pod, ReplicaSet } from './types.ts';

const NOW = new Date('2024-01-01T12:00:00Z');
const STAMP = '2024-01-01T12:00:00Z';

function rs(o: { replicas?: number; minReadySeconds?: number; conditions?: ReplicaSet['status'] extends infer S ? S extends { conditions?: infer C } ? C : never : never } = {}): ReplicaSet {
  return {
    metadata: { name: 'web', namespace: 'default', generation: 3 },
    spec: { replicas: o.replicas ?? 2, minReadySeconds: o.minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } } } },
    status: { replicas: 0, conditions: o.conditions },
  };
}

function pod(o: { labels?: Record<string, string>; readySince?: string } = {}): Pod {
  return {
    metadata: { name: 'p', labels: o.labels ?? { app: 'web', tier: 'fe' } },
    spec: {},
    status: { phase: 'Running', conditions: o.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }] : [] },
  };
}

describe('replicaSetStatus()', () => {
  it('counts replicas, fully labelled, ready and available pods', () => {
    const s = replicaSetStatus({ rs: rs(), activePods: [pod({ readySince: STAMP }), pod({ labels: { app: 'web' } })], now: NOW, stamp: STAMP });
    expect(s).toEqual({ replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 3 });
  });

  it('counts a ready pod as available only after minReadySeconds', () => {
    const s = replicaSetStatus({ rs: rs({ minReadySeconds: 30 }), activePods: [pod({ readySince: '2024-01-01T11:59:50Z' }), pod({ readySince: '2024-01-01T11:59:00Z' })], now: NOW, stamp: STAMP });
    expect([s.readyReplicas, s.availableReplicas]).toEqual([2, 1]);
  });

  it('adds ReplicaFailure with reason FailedCreate when creating failed', () => {
    const s = replicaSetStatus({ rs: rs({ replicas: 3 }), activePods: [pod()], manageError: new Error('pods "x" is forbidden: exceeded quota'), now: NOW, stamp: STAMP });
    expect(s.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota', lastTransitionTime: STAMP }]);
  });

  it('adds ReplicaFailure with reason FailedDelete when deleting failed', () => {
    const s = replicaSetStatus({ rs: rs({ replicas: 0 }), activePods: [pod()], manageError: new Error('boom'), now: NOW, stamp: STAMP });
    expect(s.conditions?.[0].reason).toBe('FailedDelete');
  });

  it('removes ReplicaFailure once managing pods succeeds', () => {
    const s = replicaSetStatus({ rs: rs({ conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }] }), activePods: [], now: NOW, stamp: STAMP });
    expect(s.conditions).toBeUndefined();
  });
});

describe('replicaSetStatusChanged()', () => {
  it('sees no change between equal statuses', () => {
    expect(replicaSetStatusChanged({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 0, availableReplicas: 0, observedGeneration: 2 }, { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 0, availableReplicas: 0, observedGeneration: 2 })).toBe(false);
  });
  it('sees a new observedGeneration as a change', () => {
    expect(replicaSetStatusChanged({ replicas: 1, observedGeneration: 1 }, { replicas: 1, fullyLabeledReplicas: 0, readyReplicas: 0, availableReplicas: 0, observedGeneration: 2 })).toBe(true);
  });
});

describe('availabilityRecheckMs()', () => {
  it('rechecks after minReadySeconds when all are ready but not all available', () => {
    expect(availabilityRecheckMs(rs({ replicas: 2, minReadySeconds: 10 }), { replicas: 2, readyReplicas: 2, availableReplicas: 1 })).toBe(10_000);
  });
  it('does not recheck without minReadySeconds', () => {
    expect(availabilityRecheckMs(rs({ replicas: 2 }), { replicas: 2, readyReplicas: 2, availableReplicas: 1 })).toBeUndefined();
  });
});
