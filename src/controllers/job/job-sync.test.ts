import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { planJobSync } from './job-sync.ts';
import { JOB_TRACKING_FINALIZER, type Job, type JobSpec, type JobStatus } from './job-types.ts';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function job(spec: Partial<JobSpec> = {}, status: JobStatus = { startTime: iso(NOW - 60_000) }): Job {
  return { metadata: { name: 'pi', namespace: 'default', uid: 'job-uid' }, spec: { template: { spec: {} }, ...spec }, status };
}

function pod(name: string, o: { phase?: string; ready?: boolean; finalizer?: boolean; index?: number; deleting?: boolean; finishedAt?: number } = {}): KubeObject {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      namespace: 'default',
      creationTimestamp: iso(NOW - 120_000),
      finalizers: o.finalizer === false ? [] : [JOB_TRACKING_FINALIZER],
      ...(o.index !== undefined ? { annotations: { 'batch.kubernetes.io/job-completion-index': String(o.index) } } : {}),
      ...(o.deleting ? { deletionTimestamp: iso(NOW) } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready ? [{ type: 'Ready', status: 'True' }] : [],
      containerStatuses: o.finishedAt ? [{ state: { terminated: { finishedAt: iso(o.finishedAt) } } }] : [],
    },
  };
}

const types = (j: JobStatus) => (j.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);

describe('planJobSync()', () => {
  it.each([
    ['creates parallelism pods for a new job', job({ parallelism: 3, completions: 5 }), [], 3],
    ['creates only as many pods as completions still need', job({ parallelism: 3, completions: 5 }, { succeeded: 4 }), [], 1],
    ['creates one pod when parallelism and completions are unset', job(), [], 1],
    ['creates no pod while enough are active', job({ parallelism: 2, completions: 5 }), [pod('a'), pod('b')], 0],
  ])('%s', (_name, j, pods, creates) => {
    expect(planJobSync(j, pods, NOW).create).toHaveLength(creates);
  });

  it('sets startTime on the first sync', () => {
    expect(planJobSync(job({}, {}), [], NOW).status.startTime).toBe(iso(NOW));
  });

  it('records a finished pod as uncounted before removing its finalizer', () => {
    const done = pod('a', { phase: 'Succeeded' });
    const plan = planJobSync(job({ completions: 2 }), [done], NOW);
    expect(plan.status.uncountedTerminatedPods).toEqual({ succeeded: ['uid-a'] });
    expect(plan.status.succeeded ?? 0).toBe(0);
    expect(plan.removeFinalizers).toEqual([done]);
  });

  it('counts an uncounted pod once its finalizer is gone', () => {
    const j = job({ completions: 2 }, { startTime: iso(NOW), uncountedTerminatedPods: { failed: ['uid-a'] } });
    const plan = planJobSync(j, [pod('a', { phase: 'Failed', finalizer: false })], NOW);
    expect(plan.status.failed).toBe(1);
    expect(plan.status.uncountedTerminatedPods).toEqual({});
  });

  it('counts a deleted pod that never finished as failed', () => {
    const plan = planJobSync(job({ backoffLimit: 3 }), [pod('a', { deleting: true })], NOW);
    expect(plan.status.uncountedTerminatedPods).toEqual({ failed: ['uid-a'] });
  });

  it('marks FailureTarget when failures exceed backoffLimit, then Failed once nothing runs', () => {
    const first = planJobSync(job({ backoffLimit: 0 }, { startTime: iso(NOW), failed: 1 }), [pod('b')], NOW);
    expect(types(first.status)).toEqual(['FailureTarget']);
    expect(first.delete.map((p) => p.metadata.name)).toEqual(['b']);
    const second = planJobSync(job({ backoffLimit: 0 }, first.status), [], NOW);
    expect(types(second.status)).toEqual(['FailureTarget', 'Failed']);
    expect(second.status.conditions!.find((c) => c.type === 'Failed')!.reason).toBe('BackoffLimitExceeded');
    expect(second.events).toEqual([{ type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]);
  });

  it('marks SuccessCriteriaMet and Complete when completions are reached', () => {
    const plan = planJobSync(job({ completions: 2 }, { startTime: iso(NOW), succeeded: 2 }), [], NOW);
    expect(types(plan.status)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(plan.status.completionTime).toBe(iso(NOW));
    expect(plan.events.map((e) => e.reason)).toEqual(['Completed']);
  });

  it('fails a job that outlived activeDeadlineSeconds, and waits for the deadline otherwise', () => {
    const late = planJobSync(job({ activeDeadlineSeconds: 30 }, { startTime: iso(NOW - 31_000) }), [pod('a')], NOW);
    expect(late.status.conditions![0]).toMatchObject({ type: 'FailureTarget', reason: 'DeadlineExceeded' });
    const early = planJobSync(job({ activeDeadlineSeconds: 30 }, { startTime: iso(NOW - 10_000) }), [pod('a')], NOW);
    expect(early.requeueAfterMs).toBe(20_000);
  });

  it('waits out the pod failure back-off before creating a replacement', () => {
    const plan = planJobSync(job({ backoffLimit: 6 }, { startTime: iso(NOW), failed: 2 }), [pod('a', { phase: 'Failed', finalizer: false, finishedAt: NOW - 5_000 })], NOW);
    expect(plan.create).toEqual([]);
    expect(plan.requeueAfterMs).toBe(15_000); // 10 s doubled once, minus the 5 s already passed
  });

  it('deletes the active pods of a suspended job and reports Suspended', () => {
    const plan = planJobSync(job({ suspend: true, parallelism: 2 }), [pod('a'), pod('b')], NOW);
    expect(plan.delete).toHaveLength(2);
    expect(plan.status.conditions![0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended' });
    expect(plan.status.active).toBe(0);
  });

  it('resumes a suspended job with a new startTime', () => {
    const suspended = job({ suspend: false }, { startTime: iso(NOW - 100_000), conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }] });
    const plan = planJobSync(suspended, [], NOW);
    expect(plan.status.startTime).toBe(iso(NOW));
    expect(plan.status.conditions![0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
  });

  it('creates the lowest pending indexes of an Indexed job', () => {
    const plan = planJobSync(job({ completionMode: 'Indexed', completions: 5, parallelism: 2 }, { startTime: iso(NOW), completedIndexes: '0' }), [pod('x', { index: 2 })], NOW);
    expect(plan.create).toEqual([1]);
  });

  it('adds a succeeded index to completedIndexes as soon as it is recorded', () => {
    const plan = planJobSync(job({ completionMode: 'Indexed', completions: 3, parallelism: 3 }), [pod('x', { index: 1, phase: 'Succeeded' }), pod('y', { index: 0 }), pod('z', { index: 2 })], NOW);
    expect(plan.status.completedIndexes).toBe('1');
  });

  it('reports ready and active pods', () => {
    const plan = planJobSync(job({ parallelism: 2, completions: 4 }), [pod('a', { ready: true }), pod('b')], NOW);
    expect(plan.status).toMatchObject({ active: 2, ready: 1 });
  });
});
