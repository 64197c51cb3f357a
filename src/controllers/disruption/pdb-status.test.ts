import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { ExpectedScaleError, expectedPodCount, type ScaleOfController } from './expected-count.ts';
import { failSafeStatus, pdbStatus, pdbStatusChanged } from './pdb-status.ts';
import type { PodDisruptionBudget } from './types.ts';

const now = new Date('2026-01-01T00:10:00Z');
const stamp = '2026-01-01T00:10:00Z';

function pod(name: string, opts: { ready?: boolean; deleting?: boolean; owner?: string } = {}): KubeObject {
  return {
    metadata: {
      name,
      namespace: 'ns',
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:09:00Z' } : {}),
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: opts.owner, uid: `uid-${opts.owner}`, controller: true }] } : {}),
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

function pdb(spec: PodDisruptionBudget['spec'], status?: PodDisruptionBudget['status']): PodDisruptionBudget {
  return { metadata: { name: 'budget', namespace: 'ns', generation: 3 }, spec: { selector: { matchLabels: { app: 'a' } }, ...spec }, status };
}

const scales: Record<string, number> = { web: 4, db: 2 };
const scaleOf: ScaleOfController = (_ns, ref) => (scales[ref.name] === undefined ? undefined : { uid: ref.uid, replicas: scales[ref.name] });

describe('expectedPodCount', () => {
  const cases: { name: string; spec: PodDisruptionBudget['spec']; pods: KubeObject[]; want: { expectedCount: number; desiredHealthy: number } }[] = [
    { name: 'counts the matching pods for an integer minAvailable', spec: { minAvailable: 2 }, pods: [pod('a'), pod('b'), pod('c')], want: { expectedCount: 3, desiredHealthy: 2 } },
    { name: 'resolves a percentage minAvailable against the controller scale, rounding up', spec: { minAvailable: '60%' }, pods: [pod('a', { owner: 'web' })], want: { expectedCount: 4, desiredHealthy: 3 } },
    { name: 'subtracts maxUnavailable from the summed scale of distinct controllers', spec: { maxUnavailable: 1 }, pods: [pod('a', { owner: 'web' }), pod('b', { owner: 'web' }), pod('c', { owner: 'db' })], want: { expectedCount: 6, desiredHealthy: 5 } },
    { name: 'rounds a percentage maxUnavailable up', spec: { maxUnavailable: '30%' }, pods: [pod('a', { owner: 'web' })], want: { expectedCount: 4, desiredHealthy: 2 } },
    { name: 'never wants a negative number of healthy pods', spec: { maxUnavailable: 9 }, pods: [pod('a', { owner: 'web' })], want: { expectedCount: 4, desiredHealthy: 0 } },
    { name: 'needs no controller for an integer minAvailable', spec: { minAvailable: 1 }, pods: [pod('bare')], want: { expectedCount: 1, desiredHealthy: 1 } },
  ];
  for (const c of cases) it(c.name, () => expect(expectedPodCount(pdb(c.spec), c.pods, scaleOf)).toEqual(c.want));

  it('fails when a pod needed for the scale has no controller, in upstream words', () => {
    expect(() => expectedPodCount(pdb({ maxUnavailable: 1 }), [pod('bare')], scaleOf)).toThrow(new ExpectedScaleError('found no controller ref for pod "bare"'));
  });
  it('fails when the pod controller is unknown', () => {
    expect(() => expectedPodCount(pdb({ minAvailable: '50%' }), [pod('x', { owner: 'gone' })], scaleOf)).toThrow('found no controllers for pod "x"');
  });
});

describe('pdbStatus', () => {
  const cases: { name: string; pods: KubeObject[]; expected: { expectedCount: number; desiredHealthy: number }; disrupted?: Record<string, string>; want: { currentHealthy: number; disruptionsAllowed: number; reason: string; disruptedPods?: Record<string, string> } }[] = [
    { name: 'allows the surplus of ready pods over the desired healthy count', pods: [pod('a'), pod('b'), pod('c')], expected: { expectedCount: 3, desiredHealthy: 1 }, want: { currentHealthy: 3, disruptionsAllowed: 2, reason: 'SufficientPods' } },
    { name: 'allows nothing when healthy equals desired', pods: [pod('a'), pod('b')], expected: { expectedCount: 2, desiredHealthy: 2 }, want: { currentHealthy: 2, disruptionsAllowed: 0, reason: 'InsufficientPods' } },
    { name: 'does not count unready or terminating pods as healthy', pods: [pod('a'), pod('b', { ready: false }), pod('c', { deleting: true })], expected: { expectedCount: 3, desiredHealthy: 0 }, want: { currentHealthy: 1, disruptionsAllowed: 1, reason: 'SufficientPods' } },
    { name: 'allows nothing when no pods are expected', pods: [], expected: { expectedCount: 0, desiredHealthy: 0 }, want: { currentHealthy: 0, disruptionsAllowed: 0, reason: 'InsufficientPods' } },
    {
      name: 'does not count a recently evicted pod and keeps its entry',
      pods: [pod('a'), pod('b')],
      expected: { expectedCount: 2, desiredHealthy: 0 },
      disrupted: { a: '2026-01-01T00:09:30Z' },
      want: { currentHealthy: 1, disruptionsAllowed: 1, reason: 'SufficientPods', disruptedPods: { a: '2026-01-01T00:09:30Z' } },
    },
    {
      name: 'drops an evicted pod entry after the two-minute deletion timeout',
      pods: [pod('a'), pod('b')],
      expected: { expectedCount: 2, desiredHealthy: 0 },
      disrupted: { a: '2026-01-01T00:07:00Z', gone: '2026-01-01T00:09:59Z' },
      want: { currentHealthy: 2, disruptionsAllowed: 2, reason: 'SufficientPods' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const base = pdb({ minAvailable: 1 }, c.disrupted ? { disruptedPods: c.disrupted, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } : undefined);
      const { status } = pdbStatus({ pdb: base, pods: c.pods, expected: c.expected, now, stamp });
      expect(status.currentHealthy).toBe(c.want.currentHealthy);
      expect(status.disruptionsAllowed).toBe(c.want.disruptionsAllowed);
      expect(status.expectedPods).toBe(c.expected.expectedCount);
      expect(status.desiredHealthy).toBe(c.expected.desiredHealthy);
      expect(status.observedGeneration).toBe(3);
      expect(status.disruptedPods).toEqual(c.want.disruptedPods);
      expect(status.conditions).toEqual([
        { type: 'DisruptionAllowed', status: c.want.disruptionsAllowed > 0 ? 'True' : 'False', observedGeneration: 3, lastTransitionTime: stamp, reason: c.want.reason, message: '' },
      ]);
    });
  }

  it('asks to be run again when a kept disrupted pod entry runs out', () => {
    const base = pdb({ minAvailable: 1 }, { disruptedPods: { a: '2026-01-01T00:09:30Z' }, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    expect(pdbStatus({ pdb: base, pods: [pod('a')], expected: { expectedCount: 1, desiredHealthy: 0 }, now, stamp }).recheckAtMs).toBe(Date.parse('2026-01-01T00:11:30Z'));
  });

  it('keeps the transition time while the condition status holds', () => {
    const old = [{ type: 'DisruptionAllowed', status: 'True' as const, lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'SufficientPods', message: '' }];
    const base = pdb({ minAvailable: 1 }, { disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, conditions: old });
    const { status } = pdbStatus({ pdb: base, pods: [pod('a'), pod('b')], expected: { expectedCount: 2, desiredHealthy: 1 }, now, stamp });
    expect(status.conditions?.[0].lastTransitionTime).toBe('2025-01-01T00:00:00Z');
    expect(pdbStatusChanged(base.status, status)).toBe(true); // observedGeneration was missing
    expect(pdbStatusChanged(status, structuredClone(status))).toBe(false);
  });
});

describe('failSafeStatus', () => {
  it('allows no disruption and reports SyncFailed with the error', () => {
    const status = failSafeStatus({ pdb: pdb({ maxUnavailable: 1 }, { disruptionsAllowed: 2, currentHealthy: 3, desiredHealthy: 1, expectedPods: 3 }), message: 'found no controller ref for pod "bare"', stamp });
    expect(status).toMatchObject({ disruptionsAllowed: 0, currentHealthy: 3, observedGeneration: 3 });
    expect(status.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'False', observedGeneration: 3, lastTransitionTime: stamp, reason: 'SyncFailed', message: 'found no controller ref for pod "bare"' }]);
  });
});
