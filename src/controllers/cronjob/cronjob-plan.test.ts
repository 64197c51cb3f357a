import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { planCronJob } from './cronjob-plan.ts';
import type { CronJob } from './cronjob-types.ts';
import { missedSchedules } from './schedule-times.ts';
import { parseCronSchedule } from './cron-schedule.ts';
import { rfc1123zUtc } from './time-format.ts';

const NOW = new Date('2026-01-01T10:05:30Z');

function cronJob(spec: Partial<CronJob['spec']> = {}, status: CronJob['status'] = { lastScheduleTime: '2026-01-01T10:04:00Z' }): CronJob {
  return {
    metadata: { name: 'tick', namespace: 'default', uid: 'cj-uid', creationTimestamp: '2026-01-01T09:00:00Z' },
    spec: { schedule: '* * * * *', timeZone: 'Etc/UTC', jobTemplate: { metadata: { labels: { a: 'b' } }, spec: { template: {} } }, ...spec },
    status,
  };
}

function job(name: string, o: { finished?: 'Complete' | 'Failed'; start?: string; completion?: string } = {}): KubeObject {
  return {
    metadata: { name, uid: `uid-${name}`, namespace: 'default', ownerReferences: [{ kind: 'CronJob', name: 'tick', uid: 'cj-uid', controller: true }] },
    status: { startTime: o.start, completionTime: o.completion, conditions: o.finished ? [{ type: o.finished, status: 'True' }] : [] },
  };
}
const ref = (name: string) => ({ kind: 'Job', name, uid: `uid-${name}`, namespace: 'default', apiVersion: 'batch/v1' });

describe('planCronJob()', () => {
  it('starts the Job of the latest missed minute, named after it, and records lastScheduleTime', () => {
    const plan = planCronJob({ cronJob: cronJob(), jobs: [], now: NOW });
    expect(plan.create?.metadata).toMatchObject({
      name: `tick-${Date.parse('2026-01-01T10:05:00Z') / 60_000}`,
      labels: { a: 'b' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T10:05:00Z' },
    });
    expect(plan.status.lastScheduleTime).toBe('2026-01-01T10:05:00Z');
    expect(plan.requeueAfterMs).toBe(30_100);
  });

  it('writes the scheduled timestamp in the CronJob time zone', () => {
    const plan = planCronJob({ cronJob: cronJob({ timeZone: 'Asia/Tokyo' }), jobs: [], now: NOW });
    expect(plan.create?.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T19:05:00+09:00');
  });

  it.each([
    ['starts nothing when the minute was already scheduled', cronJob({}, { lastScheduleTime: '2026-01-01T10:05:00Z' }), []],
    ['starts nothing while suspended', cronJob({ suspend: true }), []],
    ['starts nothing with Forbid while a Job runs', cronJob({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: '2026-01-01T10:04:00Z', active: [ref('old')] }), [job('old')]],
    ['starts nothing past startingDeadlineSeconds', cronJob({ startingDeadlineSeconds: 10 }), []],
  ])('%s', (_name, cj, jobs) => {
    expect(planCronJob({ cronJob: cj, jobs, now: NOW }).create).toBeUndefined();
  });

  it('starts an activation still within startingDeadlineSeconds', () => {
    expect(planCronJob({ cronJob: cronJob({ startingDeadlineSeconds: 40 }), jobs: [], now: NOW }).create).toBeDefined();
  });

  it('prints times in events as Go RFC1123Z in UTC', () => {
    expect(rfc1123zUtc(new Date('2026-01-01T10:05:00Z'))).toBe('Thu, 01 Jan 2026 10:05:00 +0000');
  });

  it('starts alongside a running Job with Allow, and replaces it with Replace', () => {
    const running = { lastScheduleTime: '2026-01-01T10:04:00Z', active: [ref('old')] };
    const allow = planCronJob({ cronJob: cronJob({}, running), jobs: [job('old')], now: NOW });
    expect(allow.create).toBeDefined();
    expect(allow.replace).toEqual([]);
    const replace = planCronJob({ cronJob: cronJob({ concurrencyPolicy: 'Replace' }, running), jobs: [job('old')], now: NOW });
    expect(replace.replace.map((j) => j.metadata.name)).toEqual(['old']);
    expect(replace.status.active).toBeUndefined();
  });

  it('drops finished and missing Jobs from active and records lastSuccessfulTime', () => {
    const cj = cronJob({}, { lastScheduleTime: '2026-01-01T10:05:00Z', active: [ref('done'), ref('gone')] });
    const plan = planCronJob({ cronJob: cj, jobs: [job('done', { finished: 'Complete', completion: '2026-01-01T10:05:10Z' })], now: NOW });
    expect(plan.status.active).toBeUndefined();
    expect(plan.status.lastSuccessfulTime).toBe('2026-01-01T10:05:10Z');
    expect(plan.events.map((e) => e.reason)).toEqual(['SawCompletedJob', 'MissingJob']);
  });

  it('warns about too many missed start times', () => {
    const plan = planCronJob({ cronJob: cronJob({}, {}), jobs: [], now: new Date('2026-01-01T12:00:30Z') });
    expect(plan.events).toContainEqual({ type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times: 180. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
    expect(plan.create).toBeDefined();
  });

  it('deletes the oldest finished Jobs beyond the history limits', () => {
    const jobs = [1, 2, 3, 4].map((i) => job(`ok${i}`, { finished: 'Complete', start: `2026-01-01T10:0${i}:00Z` }));
    jobs.push(job('bad1', { finished: 'Failed', start: '2026-01-01T10:01:00Z' }), job('bad2', { finished: 'Failed', start: '2026-01-01T10:02:00Z' }));
    const plan = planCronJob({ cronJob: cronJob({ successfulJobsHistoryLimit: 2 }), jobs, now: NOW });
    expect(plan.cleanUp.map((j) => j.metadata.name)).toEqual(['ok1', 'ok2', 'bad1']);
  });

  it('reports an unknown time zone', () => {
    const plan = planCronJob({ cronJob: cronJob({ timeZone: 'Mars/Olympus' }), jobs: [], now: NOW });
    expect(plan.events[0]).toMatchObject({ type: 'Warning', reason: 'UnknownTimeZone' });
    expect(plan.create).toBeUndefined();
  });
});

describe('missedSchedules()', () => {
  it('walks an irregular schedule to its real latest activation', () => {
    const weekdays = parseCronSchedule('0 9 * * 1-5', 'Etc/UTC');
    const r = missedSchedules(weekdays, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-12T08:00:00Z'));
    expect(r).toEqual({ mostRecent: new Date('2026-01-09T09:00:00Z'), missed: 7 });
  });

  it('extrapolates a frequent schedule past the walk limit', () => {
    const everyMinute = parseCronSchedule('* * * * *', 'Etc/UTC');
    const r = missedSchedules(everyMinute, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:30Z'), 100);
    expect(r).toEqual({ mostRecent: new Date('2026-01-31T00:00:00Z'), missed: 30 * 24 * 60 });
  });
});
