import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { apply, container, getJson, kubectlOk, stopServer, waitFor } from './sets-and-batch-helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await stopServer(server);
});

const cronJob = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name },
  spec: {
    schedule: '* * * * *',
    jobTemplate: { metadata: { labels: { cron: name } }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container] } } } },
    ...spec,
  },
});

describe('CronJob controller', () => {
  it('starts a Job named after the scheduled minute, and none for a suspended CronJob', async () => {
    await apply(server, cronJob('tick', { timeZone: 'Etc/UTC' }));
    await apply(server, cronJob('sleepy', { suspend: true }));
    // The one long wait of this suite: the next minute boundary (at most ~60 s away).
    const job = await waitFor(
      'a job of tick',
      async () => (await getJson(server, ['jobs', '-l', 'cron=tick'])).items[0],
      75_000,
    );
    const scheduled = job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'];
    expect(scheduled).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    expect(job.metadata.name).toBe(`tick-${Date.parse(scheduled) / 60_000}`);
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    const cj = await waitFor('status', async () => {
      const c = await getJson(server, ['cronjob', 'tick']);
      return c.status?.active?.length === 1 && c;
    });
    expect(cj.status.active[0].name).toBe(job.metadata.name);
    expect(cj.status.lastScheduleTime).toBe(scheduled);
    const events = await kubectlOk(server, ['get', 'events', '--field-selector', 'involvedObject.name=tick']);
    expect(events).toContain(`Created job ${job.metadata.name}`);
    expect((await getJson(server, ['jobs', '-l', 'cron=sleepy'])).items).toHaveLength(0);
  });

  it('lets kubectl create a Job from a CronJob', async () => {
    await kubectlOk(server, ['create', 'job', '--from=cronjob/sleepy', 'by-hand']);
    const job = await getJson(server, ['job', 'by-hand']);
    expect(job.metadata.ownerReferences?.[0]?.name).toBe('sleepy');
    // The Job controller runs it like any other.
    await waitFor('pod of by-hand', async () => (await getJson(server, ['pods', '-l', 'job-name=by-hand'])).items.length === 1);
  });

  it('reports an unknown time zone as a Warning event', async () => {
    const r = await server.kubectl(['apply', '-f', '-'], { input: JSON.stringify(cronJob('nowhere', { timeZone: 'Mars/Olympus' })) });
    if (r.exitCode !== 0) {
      // Validation rejecting it up front is what upstream's API server does too.
      expect(r.stderr).toMatch(/timeZone/);
      return;
    }
    await waitFor('UnknownTimeZone', async () => /UnknownTimeZone/.test(await kubectlOk(server, ['get', 'events', '--field-selector', 'involvedObject.name=nowhere'])));
  });
});
