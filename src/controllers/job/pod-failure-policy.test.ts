import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { planJobSync } from './job-sync.ts';
import { JOB_TRACKING_FINALIZER, type Job, type PodFailurePolicyRule } from './job-types.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const job = (rules: PodFailurePolicyRule[]): Job => ({
  metadata: { name: 'j', namespace: 'ns', uid: 'u' },
  spec: { template: {}, backoffLimit: 6, podFailurePolicy: { rules } },
  status: { startTime: '2026-01-01T00:00:00Z' },
});
const failedPod = (exitCode: number, conditions: { type: string; status: string }[] = []): KubeObject => ({
  metadata: { name: 'p', namespace: 'ns', uid: 'pu', finalizers: [JOB_TRACKING_FINALIZER] },
  status: { phase: 'Failed', conditions, containerStatuses: [{ name: 'main', state: { terminated: { exitCode } } }] },
});

describe('matchPodFailurePolicy()', () => {
  it.each<[string, PodFailurePolicyRule[], KubeObject, string | undefined]>([
    ['matches an exit code In the list', [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }], failedPod(42), 'FailJob'],
    ['matches an exit code NotIn the list', [{ action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } }], failedPod(2), 'Count'],
    ['skips a rule for another container', [{ action: 'FailJob', onExitCodes: { containerName: 'side', operator: 'In', values: [42] } }], failedPod(42), undefined],
    ['matches a pod condition', [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }], failedPod(1, [{ type: 'DisruptionTarget', status: 'True' }]), 'Ignore'],
    ['takes the first matching rule', [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }, { action: 'FailJob', onExitCodes: { operator: 'In', values: [3] } }], failedPod(3), 'Ignore'],
  ])('%s', (_name, rules, pod, action) => {
    expect(matchPodFailurePolicy(job(rules), pod)?.action).toBe(action);
  });
});

describe('planJobSync() with a podFailurePolicy', () => {
  it('fails the job at once on a FailJob match, with upstream message', () => {
    const plan = planJobSync(job([{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }]), [failedPod(42)], NOW);
    expect(plan.status.conditions?.[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'PodFailurePolicy',
      message: 'Container main for pod ns/p failed with exit code 42 matching FailJob rule at index 0',
    });
  });

  it('does not count an ignored failure, but still releases the pod', () => {
    const plan = planJobSync(job([{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }]), [failedPod(1)], NOW);
    expect(plan.status.uncountedTerminatedPods).toEqual({});
    expect(plan.removeFinalizers).toHaveLength(1);
  });
});
