import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { apply, container, getJson, kubectlOk, podsWith, setPodPhase, stopServer, waitFor } from './sets-and-batch-helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await stopServer(server);
});

const job = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [container] } }, ...spec },
});

describe('Job controller', () => {
  it('runs pods until completions succeed, then marks the job Complete', async () => {
    await apply(server, job('two', { completions: 2, parallelism: 2 }));
    const pods = await waitFor('two pods', async () => {
      const p = await podsWith(server, 'job-name=two');
      return p.length === 2 && p;
    });
    expect(pods[0].metadata.finalizers).toContain('batch.kubernetes.io/job-tracking');
    for (const p of pods) await setPodPhase(server, { name: p.metadata.name }, 'Succeeded');
    const done = await waitFor('Complete', async () => {
      const j = await getJson(server, ['job', 'two']);
      return j.status?.conditions?.some((c: any) => c.type === 'Complete' && c.status === 'True') && j;
    });
    expect(done.status.succeeded).toBe(2);
    expect(done.status.completionTime).toBeTruthy();
    expect(done.status.conditions.map((c: any) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    const after = await podsWith(server, 'job-name=two');
    expect(after.every((p) => !(p.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking'))).toBe(true);
    const events = await kubectlOk(server, ['get', 'events', '--field-selector', 'involvedObject.name=two', '-o', 'jsonpath={range .items[*]}{.source.component} {.reason}{"\\n"}{end}']);
    // kubectl describe job shows them From: job-controller, as upstream.
    expect(events).toMatch(/^job-controller SuccessfulCreate$/m);
    expect(events).toMatch(/^job-controller Completed$/m);
  });

  it('fails a job whose pod failures exceed backoffLimit', async () => {
    await apply(server, job('boom', { backoffLimit: 0 }));
    const [pod] = await waitFor('a pod', async () => {
      const p = await podsWith(server, 'job-name=boom');
      return p.length === 1 && p;
    });
    await setPodPhase(server, { name: pod.metadata.name }, 'Failed');
    const failed = await waitFor('Failed', async () => {
      const j = await getJson(server, ['job', 'boom']);
      return j.status?.conditions?.find((c: any) => c.type === 'Failed' && c.status === 'True') && j;
    });
    expect(failed.status.failed).toBe(1);
    expect(failed.status.conditions.find((c: any) => c.type === 'Failed').reason).toBe('BackoffLimitExceeded');
  });

  it('gives Indexed job pods their completion index and reports completedIndexes', async () => {
    await apply(server, job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    const pods = await waitFor('three pods', async () => {
      const p = await podsWith(server, 'job-name=idx');
      return p.length === 3 && p;
    });
    const indexes = pods.map((p) => p.metadata.annotations['batch.kubernetes.io/job-completion-index']).sort();
    expect(indexes).toEqual(['0', '1', '2']);
    const one = pods.find((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '1');
    expect(one.spec.hostname).toBe('idx-1');
    await setPodPhase(server, { name: one.metadata.name }, 'Succeeded');
    await waitFor('completedIndexes 1', async () => (await getJson(server, ['job', 'idx'])).status?.completedIndexes === '1');
  });

  it('deletes a finished job after ttlSecondsAfterFinished', async () => {
    await apply(server, job('short', { ttlSecondsAfterFinished: 0, backoffLimit: 0 }));
    const [pod] = await waitFor('a pod', async () => {
      const p = await podsWith(server, 'job-name=short');
      return p.length === 1 && p;
    });
    await setPodPhase(server, { name: pod.metadata.name }, 'Succeeded');
    // Foreground deletion, as upstream: the Job is gone, or waits for the garbage collector.
    await waitFor('job deleted', async () => {
      const r = await server.kubectl(['get', 'job', 'short', '-o', 'json']);
      return r.exitCode !== 0 || !!JSON.parse(r.stdout).metadata.deletionTimestamp;
    });
  });

  it('kills the pods of a suspended job and reports Suspended', async () => {
    await apply(server, job('pause', { parallelism: 2, completions: 4 }));
    await waitFor('two pods', async () => (await podsWith(server, 'job-name=pause')).length === 2);
    await kubectlOk(server, ['patch', 'job', 'pause', '--type=merge', '-p', '{"spec":{"suspend":true}}']);
    const j = await waitFor('Suspended', async () => {
      const j = await getJson(server, ['job', 'pause']);
      return j.status?.conditions?.some((c: any) => c.type === 'Suspended' && c.status === 'True') && j.status.active === 0 && j;
    });
    expect(j.status.conditions.find((c: any) => c.type === 'Suspended').reason).toBe('JobSuspended');
  });

  it('counts every pod exactly once across a server killed and restarted mid-job', async () => {
    await apply(server, job('sturdy', { completions: 3, parallelism: 3 }));
    const pods = await waitFor('three pods', async () => {
      const p = await podsWith(server, 'job-name=sturdy');
      return p.length === 3 && p;
    });
    await setPodPhase(server, { name: pods[0].metadata.name }, 'Succeeded');
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await setPodPhase(server, { name: pods[1].metadata.name }, 'Succeeded');
    await setPodPhase(server, { name: pods[2].metadata.name }, 'Succeeded');
    const done = await waitFor('Complete', async () => {
      const j = await getJson(server, ['job', 'sturdy']);
      return j.status?.conditions?.some((c: any) => c.type === 'Complete' && c.status === 'True') && j;
    });
    expect(done.status.succeeded).toBe(3);
    expect(done.status.failed ?? 0).toBe(0);
    expect(await podsWith(server, 'job-name=sturdy')).toHaveLength(3);
  });
});
