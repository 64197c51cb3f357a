import { describe, expect, it } from 'vitest';
import { silentNodeConditions } from './node-conditions.ts';
import { NodeHealthTracker } from './node-health.ts';
import { podStatusMarkedNotReady } from './pod-not-ready.ts';

describe('silentNodeConditions', () => {
  it('turns every kubelet condition Unknown with NodeStatusUnknown, keeping heartbeats', () => {
    const { conditions, changed } = silentNodeConditions({
      conditions: [
        { type: 'Ready', status: 'True', lastHeartbeatTime: 'H', lastTransitionTime: 'T0', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: 'H' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: 'H' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: 'H' },
        { type: 'NetworkUnavailable', status: 'False' },
      ],
      now: 'N',
      createdAt: 'C',
    });
    expect(changed).toBe(true);
    expect(conditions[0]).toEqual({ type: 'Ready', status: 'Unknown', lastHeartbeatTime: 'H', lastTransitionTime: 'N', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(conditions.filter((c) => c.status === 'Unknown').map((c) => c.type)).toEqual(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']);
    expect(conditions[4]).toEqual({ type: 'NetworkUnavailable', status: 'False' });
  });
  it('adds NodeStatusNeverUpdated conditions to a node that never reported', () => {
    const { conditions } = silentNodeConditions({ conditions: [], now: 'N', createdAt: 'C' });
    expect(conditions[0]).toEqual({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: 'C', lastTransitionTime: 'N' });
  });
  it('changes nothing on a node already Unknown', () => {
    const first = silentNodeConditions({ conditions: [], now: 'N', createdAt: 'C' }).conditions;
    expect(silentNodeConditions({ conditions: first, now: 'M', createdAt: 'C' })).toEqual({ conditions: first, changed: false });
  });
});

describe('NodeHealthTracker', () => {
  const ready = (heartbeat: string) => [{ type: 'Ready', status: 'True', lastHeartbeatTime: heartbeat }];
  it('counts silence from the first sighting on its own clock', () => {
    const tracker = new NodeHealthTracker();
    expect(tracker.observe({ name: 'n', conditions: ready('H1'), leaseRenewTime: 'L1', nowMs: 1000 })).toBe(0);
    expect(tracker.observe({ name: 'n', conditions: ready('H1'), leaseRenewTime: 'L1', nowMs: 41_000 })).toBe(40_000);
  });
  it.each([
    { name: 'a renewed lease proves the node alive', heartbeat: 'H1', lease: 'L2' },
    { name: 'a new Ready heartbeat proves the node alive', heartbeat: 'H2', lease: 'L1' },
  ])('$name', ({ heartbeat, lease }) => {
    const tracker = new NodeHealthTracker();
    tracker.observe({ name: 'n', conditions: ready('H1'), leaseRenewTime: 'L1', nowMs: 0 });
    expect(tracker.observe({ name: 'n', conditions: ready(heartbeat), leaseRenewTime: lease, nowMs: 30_000 })).toBe(0);
    expect(tracker.observe({ name: 'n', conditions: ready(heartbeat), leaseRenewTime: lease, nowMs: 35_000 })).toBe(5_000);
  });
});

describe('podStatusMarkedNotReady', () => {
  const pod = (phase: string, readyStatus?: string) => ({
    metadata: { name: 'p' },
    status: { phase, conditions: readyStatus ? [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: readyStatus, lastTransitionTime: 'T0' }] : [] },
  });
  it('sets a ready pod Ready=False with a new transition time', () => {
    const status = podStatusMarkedNotReady(pod('Running', 'True'), 'N') as { conditions: { type: string; status: string; lastTransitionTime?: string }[] };
    expect(status.conditions).toEqual([{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False', lastTransitionTime: 'N' }]);
  });
  it.each([
    { name: 'leaves an already not-ready pod alone', p: pod('Running', 'False') },
    { name: 'leaves a finished pod alone', p: pod('Succeeded', 'True') },
    { name: 'leaves a pod without a Ready condition alone', p: pod('Pending') },
  ])('$name', ({ p }) => expect(podStatusMarkedNotReady(p, 'N')).toBeUndefined());
});
