import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { decideEviction } from './eviction.ts';

const now = new Date('2026-01-01T00:00:00.123Z');

function pod(opts: { phase?: string; ready?: boolean; deleting?: boolean; labels?: Record<string, string> } = {}): KubeObject {
  return {
    metadata: { name: 'web-1', namespace: 'ns', resourceVersion: '42', labels: opts.labels ?? { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    status: { phase: opts.phase ?? 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

function budget(name: string, opts: { allowed?: number; current?: number; desired?: number; generation?: number; observed?: number; selector?: unknown; policy?: string; disrupted?: number } = {}): KubeObject {
  return {
    metadata: { name, namespace: 'ns', generation: opts.generation ?? 1, resourceVersion: '7' },
    spec: { selector: 'selector' in opts ? opts.selector : { matchLabels: { app: 'web' } }, ...(opts.policy ? { unhealthyPodEvictionPolicy: opts.policy } : {}) },
    status: {
      observedGeneration: opts.observed ?? 1,
      disruptionsAllowed: opts.allowed ?? 0,
      currentHealthy: opts.current ?? 2,
      desiredHealthy: opts.desired ?? 2,
      expectedPods: 2,
      ...(opts.disrupted ? { disruptedPods: Object.fromEntries(Array.from({ length: opts.disrupted }, (_, i) => [`p${i}`, '2026-01-01T00:00:00Z'])) } : {}),
      conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', lastTransitionTime: '2025-01-01T00:00:00Z', observedGeneration: 1 }],
    },
  };
}

function refusal(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('decideEviction', () => {
  const deletes: { name: string; pod: KubeObject; budgets: KubeObject[]; precondition?: string }[] = [
    { name: 'deletes a pod no budget covers', pod: pod(), budgets: [budget('other', { selector: { matchLabels: { app: 'db' } } })] },
    { name: 'ignores budgets with an empty or missing selector, as upstream', pod: pod(), budgets: [budget('empty', { selector: {} }), budget('none', { selector: undefined })] },
    { name: 'lets a finished pod go without consulting the budget', pod: pod({ phase: 'Succeeded' }), budgets: [budget('b')] },
    { name: 'lets a terminating pod go without consulting the budget', pod: pod({ deleting: true }), budgets: [budget('b')] },
    { name: 'lets a pending pod go, pinned to the version read', pod: pod({ phase: 'Pending' }), budgets: [budget('b')], precondition: '42' },
    { name: 'lets an unready pod go while the budget is met (IfHealthyBudget)', pod: pod({ ready: false }), budgets: [budget('b', { current: 2, desired: 2 })], precondition: '42' },
    { name: 'lets an unready pod go under AlwaysAllow even when the budget is not met', pod: pod({ ready: false }), budgets: [budget('b', { current: 1, desired: 2, policy: 'AlwaysAllow' })], precondition: '42' },
  ];
  for (const c of deletes) {
    it(c.name, () => expect(decideEviction({ pod: c.pod, budgets: c.budgets, now, dryRun: false })).toEqual({ action: 'delete', preconditionResourceVersion: c.precondition }));
  }

  it('refuses with 429 and upstream cause when the budget allows no disruption', () => {
    const err = refusal(() => decideEviction({ pod: pod(), budgets: [budget('web-pdb', { allowed: 0, current: 2, desired: 2 })], now, dryRun: false }));
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      code: 429,
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }] },
    });
  });

  it('refuses an unready pod when the budget is not met under IfHealthyBudget', () => {
    expect(refusal(() => decideEviction({ pod: pod({ ready: false }), budgets: [budget('b', { current: 1, desired: 2 })], now, dryRun: false })).code).toBe(429);
  });

  it('refuses while the controller has not observed the budget generation', () => {
    const err = refusal(() => decideEviction({ pod: pod(), budgets: [budget('b', { allowed: 1, generation: 2, observed: 1 })], now, dryRun: false }));
    expect(err.code).toBe(429);
    expect(err.details).toEqual({ causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget b is still being processed by the server.' }], retryAfterSeconds: 10 });
  });

  it('forbids eviction when too many disruptions are unconfirmed', () => {
    const err = refusal(() => decideEviction({ pod: pod(), budgets: [budget('b', { allowed: 1, disrupted: 2001 })], now, dryRun: false }));
    expect(err.code).toBe(403);
    expect(err.message).toBe('poddisruptionbudget.policy "b" is forbidden: DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  });

  it('answers 500 when several budgets cover the pod', () => {
    const d = decideEviction({ pod: pod(), budgets: [budget('a', { allowed: 1 }), budget('b', { allowed: 1 })], now, dryRun: false });
    expect(d).toMatchObject({ action: 'respond', code: 500, body: { message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' } });
  });

  it('spends one disruption and records the pod when the budget allows it', () => {
    const d = decideEviction({ pod: pod(), budgets: [budget('b', { allowed: 2 })], now, dryRun: false });
    if (d.action !== 'decrement') throw new Error(`unexpected ${d.action}`);
    expect(d.budgetName).toBe('b');
    expect(d.budget.status).toMatchObject({ disruptionsAllowed: 1, disruptedPods: { 'web-1': '2026-01-01T00:00:00Z' }, conditions: [{ status: 'True', reason: 'SufficientPods' }] });
  });

  it('turns the condition to InsufficientPods when the last disruption is spent', () => {
    const d = decideEviction({ pod: pod(), budgets: [budget('b', { allowed: 1 })], now, dryRun: false });
    if (d.action !== 'decrement') throw new Error(`unexpected ${d.action}`);
    expect(d.budget.status).toMatchObject({ disruptionsAllowed: 0, conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', lastTransitionTime: '2026-01-01T00:00:00Z' }] });
  });

  it('does not record the pod on a dry run', () => {
    const d = decideEviction({ pod: pod(), budgets: [budget('b', { allowed: 2 })], now, dryRun: true });
    expect(d.action === 'decrement' && (d.budget.status as { disruptedPods?: unknown }).disruptedPods).toBeUndefined();
  });
});
