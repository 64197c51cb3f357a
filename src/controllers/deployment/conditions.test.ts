import { describe, expect, it } from 'vitest';
import { newCondition, setCondition } from './conditions.ts';
import type { DeploymentStatus } from './types.ts';

const T0 = '2024-01-01T00:00:00Z';
const T1 = '2024-01-01T00:01:00Z';

describe('setCondition()', () => {
  it('adds a condition that is not there', () => {
    const s: DeploymentStatus = {};
    setCondition(s, newCondition({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'm', stamp: T0 }));
    expect(s.conditions).toHaveLength(1);
  });

  it('leaves a condition with the same status and reason untouched, times included', () => {
    const s: DeploymentStatus = {};
    setCondition(s, newCondition({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'a', stamp: T0 }));
    setCondition(s, newCondition({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'b', stamp: T1 }));
    expect(s.conditions![0]).toMatchObject({ message: 'a', lastUpdateTime: T0 });
  });

  it('keeps the transition time when only the reason changes', () => {
    const s: DeploymentStatus = {};
    setCondition(s, newCondition({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'a', stamp: T0 }));
    setCondition(s, newCondition({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'b', stamp: T1 }));
    expect(s.conditions![0]).toMatchObject({ reason: 'NewReplicaSetAvailable', lastTransitionTime: T0, lastUpdateTime: T1 });
  });

  it('moves the transition time when the status changes', () => {
    const s: DeploymentStatus = {};
    setCondition(s, newCondition({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'a', stamp: T0 }));
    setCondition(s, newCondition({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'b', stamp: T1 }));
    expect(s.conditions![0].lastTransitionTime).toBe(T1);
  });
});
