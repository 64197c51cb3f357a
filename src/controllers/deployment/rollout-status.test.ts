import { describe, expect, it } from 'vitest';
import { applyPausedCondition, calculateStatus, rolloutStatus } from './rollout-status.ts';
import type { Deployment, DeploymentStatus, ReplicaSet } from './types.ts';

const NOW = new Date('2024-01-01T12:00:00Z');
const STAMP = '2024-01-01T12:00:00Z';

function deploy(o: { replicas?: number; status?: DeploymentStatus; deadline?: number; paused?: boolean; generation?: number } = {}): Deployment {
  return {
    metadata: { name: 'web', generation: o.generation ?? 2 },
    spec: { replicas: o.replicas ?? 3, progressDeadlineSeconds: o.deadline ?? 600, paused: o.paused, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } },
    status: o.status,
  };
}

function rs(name: string, o: { spec: number; replicas: number; ready?: number; available?: number; failure?: string }): ReplicaSet {
  return {
    metadata: { name },
    spec: { replicas: o.spec },
    status: {
      replicas: o.replicas,
      readyReplicas: o.ready ?? o.replicas,
      availableReplicas: o.available ?? o.replicas,
      conditions: o.failure ? [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: o.failure }] : undefined,
    },
  };
}

const progressing = (reason: string, updated: string) => ({ type: 'Progressing', status: 'True' as const, reason, message: 'm', lastUpdateTime: updated, lastTransitionTime: updated });

describe('calculateStatus()', () => {
  it('sums the counts kubectl get deploy shows and marks minimum availability', () => {
    const newRS = rs('new', { spec: 2, replicas: 2, ready: 2, available: 1 });
    const s = calculateStatus(deploy(), { allRSs: [rs('old', { spec: 2, replicas: 2 }), newRS], newRS, stamp: STAMP });
    expect(s).toMatchObject({ observedGeneration: 2, replicas: 4, updatedReplicas: 2, readyReplicas: 4, availableReplicas: 3, unavailableReplicas: 1 });
    expect(s.conditions).toEqual([{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: STAMP, lastTransitionTime: STAMP }]);
  });

  it('says MinimumReplicasUnavailable below replicas - maxUnavailable', () => {
    const newRS = rs('new', { spec: 3, replicas: 3, available: 1 });
    expect(calculateStatus(deploy(), { allRSs: [newRS], newRS, stamp: STAMP }).conditions?.[0]).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });
});

describe('rolloutStatus()', () => {
  it('reports NewReplicaSetAvailable once the rollout is complete', () => {
    const newRS = rs('web-abc', { spec: 3, replicas: 3 });
    const { status, recheckMs } = rolloutStatus(deploy({ status: { conditions: [progressing('ReplicaSetUpdated', STAMP)] } }), { allRSs: [newRS], newRS, now: NOW, stamp: STAMP });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-abc" has successfully progressed.' });
    expect(recheckMs).toBeUndefined();
  });

  it('reports ReplicaSetUpdated while pods progress, and rechecks at the deadline', () => {
    const newRS = rs('web-abc', { spec: 2, replicas: 2, available: 0 });
    const { status, recheckMs } = rolloutStatus(deploy({ status: { replicas: 1, updatedReplicas: 1 } }), { allRSs: [rs('old', { spec: 1, replicas: 1 }), newRS], newRS, now: NOW, stamp: STAMP });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-abc" is progressing.' });
    expect(recheckMs).toBe(601_000);
  });

  it('reports ProgressDeadlineExceeded when nothing moved for the deadline', () => {
    const newRS = rs('web-abc', { spec: 3, replicas: 3, available: 0, ready: 0 });
    const prior: DeploymentStatus = { replicas: 3, updatedReplicas: 3, readyReplicas: 0, availableReplicas: 0, conditions: [progressing('ReplicaSetUpdated', '2024-01-01T11:49:00Z')] };
    const { status } = rolloutStatus(deploy({ status: prior }), { allRSs: [newRS], newRS, now: NOW, stamp: STAMP });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-abc" has timed out progressing.' });
  });

  it('mirrors a ReplicaSet\'s ReplicaFailure condition', () => {
    const newRS = rs('web-abc', { spec: 3, replicas: 0, failure: 'exceeded quota' });
    const { status } = rolloutStatus(deploy(), { allRSs: [newRS], newRS, now: NOW, stamp: STAMP });
    expect(status.conditions?.find((c) => c.type === 'ReplicaFailure')).toMatchObject({ reason: 'FailedCreate', message: 'exceeded quota' });
  });
});

describe('applyPausedCondition()', () => {
  it('sets DeploymentPaused when paused', () => {
    const s: DeploymentStatus = {};
    expect(applyPausedCondition(deploy({ paused: true }), s, STAMP)).toBe(true);
    expect(s.conditions?.[0]).toMatchObject({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });
  it('sets DeploymentResumed when resumed', () => {
    const s: DeploymentStatus = { conditions: [{ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused' }] };
    expect(applyPausedCondition(deploy({ paused: false }), s, STAMP)).toBe(true);
    expect(s.conditions?.[0]).toMatchObject({ reason: 'DeploymentResumed', message: 'Deployment is resumed' });
  });
  it('keeps ProgressDeadlineExceeded while paused', () => {
    const s: DeploymentStatus = { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
    expect(applyPausedCondition(deploy({ paused: true }), s, STAMP)).toBe(false);
  });
});
