import { describe, expect, it } from 'vitest';
import { newReplicaSetReplicas, oldReplicaSetsScaleDown, proportionalScale } from './scale-plans.ts';
import type { Deployment, ReplicaSet } from './types.ts';

function deploy(o: { replicas: number; surge?: number | string; unavailable?: number | string; recreate?: boolean }): Deployment {
  return {
    metadata: { name: 'web' },
    spec: { replicas: o.replicas, strategy: o.recreate ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.surge ?? 1, maxUnavailable: o.unavailable ?? 0 } } },
  };
}

let seq = 0;
function rs(name: string, replicas: number, available = replicas, annotations: Record<string, string> = {}): ReplicaSet {
  seq++;
  return { metadata: { name, creationTimestamp: `2024-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`, annotations }, spec: { replicas }, status: { replicas, availableReplicas: available } };
}

describe('newReplicaSetReplicas()', () => {
  const cases: { name: string; d: Deployment; all: ReplicaSet[]; newIndex: number; want: number }[] = [
    { name: 'grows the new ReplicaSet by maxSurge', d: deploy({ replicas: 3, surge: 1 }), all: [rs('old', 3), rs('new', 0)], newIndex: 1, want: 1 },
    { name: 'does not grow past the surge budget', d: deploy({ replicas: 3, surge: 1 }), all: [rs('old', 3), rs('new', 1)], newIndex: 1, want: 1 },
    { name: 'never grows past the desired count', d: deploy({ replicas: 3, surge: 5 }), all: [rs('old', 1), rs('new', 2)], newIndex: 1, want: 3 },
    { name: 'goes straight to the desired count for Recreate', d: deploy({ replicas: 4, recreate: true }), all: [rs('new', 0)], newIndex: 0, want: 4 },
  ];
  for (const c of cases) it(c.name, () => expect(newReplicaSetReplicas(c.d, c.all, c.all[c.newIndex])).toBe(c.want));
});

describe('oldReplicaSetsScaleDown()', () => {
  it('scales old pods down as new ones become available', () => {
    const old = rs('old', 3);
    const steps = oldReplicaSetsScaleDown(deploy({ replicas: 3, surge: 1, unavailable: 0 }), { oldRSs: [old], newRS: rs('new', 1, 1) });
    expect(steps.map((s) => [s.rs.metadata.name, s.replicas])).toEqual([['old', 2]]);
  });

  it('keeps old pods while the new ones are not available', () => {
    expect(oldReplicaSetsScaleDown(deploy({ replicas: 3, surge: 1, unavailable: 0 }), { oldRSs: [rs('old', 3)], newRS: rs('new', 1, 0) })).toEqual([]);
  });

  it('removes unhealthy old pods first, only as far as the surge budget allows', () => {
    // 4 pods for 3 desired: one may go, and it is an unavailable one.
    const steps = oldReplicaSetsScaleDown(deploy({ replicas: 3, surge: 1, unavailable: 0 }), { oldRSs: [rs('old', 3, 1)], newRS: rs('new', 1, 1) });
    expect(steps.map((s) => s.replicas)).toEqual([2]);
  });

  it('uses maxUnavailable to scale down before any new pod is available', () => {
    const steps = oldReplicaSetsScaleDown(deploy({ replicas: 4, surge: 0, unavailable: 1 }), { oldRSs: [rs('old', 4)], newRS: rs('new', 0, 0) });
    expect(steps.map((s) => s.replicas)).toEqual([3]);
  });
});

describe('proportionalScale()', () => {
  it('scales the only active ReplicaSet to the new size', () => {
    const only = rs('only', 3);
    expect(proportionalScale(deploy({ replicas: 5 }), { newRS: only, oldRSs: [] })).toEqual([{ rs: only, replicas: 5 }]);
  });

  it('shares a scale-up mid-rollout in proportion, leftover to the newest largest', () => {
    // 10 replicas, surge 3 (max-replicas 13); old has 8, new 5; scaled to 20 (max 23).
    const d = deploy({ replicas: 20, surge: 3, unavailable: 2 });
    d.status = { replicas: 13 };
    const old = rs('old', 8, 8, { 'deployment.kubernetes.io/max-replicas': '13' });
    const neu = rs('new', 5, 0, { 'deployment.kubernetes.io/max-replicas': '13' });
    const steps = proportionalScale(d, { newRS: neu, oldRSs: [old] });
    const sizes = Object.fromEntries(steps.map((s) => [s.rs.metadata.name, s.replicas]));
    expect(sizes.old + sizes.new).toBe(23);
    expect(sizes).toEqual({ old: 14, new: 9 });
  });

  it('scales old ReplicaSets to zero once the new one is saturated', () => {
    const neu = rs('new', 3, 3, { 'deployment.kubernetes.io/desired-replicas': '3' });
    const old = rs('old', 1);
    expect(proportionalScale(deploy({ replicas: 3 }), { newRS: neu, oldRSs: [old] })).toEqual([{ rs: old, replicas: 0 }]);
  });
});
