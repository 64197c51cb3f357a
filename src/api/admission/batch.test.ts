import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { scheduleError } from './cron-schedule.ts';
import { builtinStrategies } from './index.ts';
import { cronJob, job, lines } from './test-objects.ts';

const jobs = builtinStrategies['jobs.batch']!;
const cronJobs = builtinStrategies['cronjobs.batch']!;

function create(strategyKey: string, obj: KubeObject): string[] {
  const strategy = builtinStrategies[strategyKey]!;
  strategy.defaults!(obj);
  return lines(strategy.validateCreate!(obj));
}

describe('job defaults', () => {
  it('fills counts, modes and the generated selector and labels', () => {
    const obj = job();
    jobs.defaults!(obj);
    expect(obj.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': '1f0c-uid' } },
      template: {
        metadata: {
          labels: {
            'batch.kubernetes.io/controller-uid': '1f0c-uid',
            'batch.kubernetes.io/job-name': 'pi',
            'controller-uid': '1f0c-uid',
            'job-name': 'pi',
          },
        },
      },
    });
    expect(obj.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': '1f0c-uid',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': '1f0c-uid',
      'job-name': 'pi',
    });
  });

  it('leaves completions unset for a work queue job that sets only parallelism', () => {
    const obj = job({ parallelism: 3 });
    jobs.defaults!(obj);
    expect((obj.spec as Record<string, unknown>).completions).toBeUndefined();
  });
});

describe('job validation', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts a generated selector', {}, []],
    [
      'rejects a template that restarts Always',
      { template: { spec: { containers: [{ name: 'a', image: 'b' }], restartPolicy: 'Always' } } },
      ['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
    ],
    ['rejects negative parallelism', { parallelism: -1 }, ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    ['requires completions for an Indexed job', { completionMode: 'Indexed', parallelism: 2 }, ['spec.completions: Required value: when completion mode is Indexed']],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    expect(create('jobs.batch', job(spec))).toEqual(expected);
  });

  it('rejects a changed selector and template on update', () => {
    const old = job();
    jobs.defaults!(old);
    const next = structuredClone(old);
    const spec = next.spec as { selector: { matchLabels: Record<string, string> }; template: { spec: { containers: Array<{ image: string }> } } };
    spec.selector.matchLabels.extra = 'x';
    spec.template.spec.containers[0]!.image = 'other';
    const messages = lines(jobs.validateUpdate!(next, old));
    expect(messages.some((m) => m.startsWith('spec.selector: Invalid value:') && m.endsWith('field is immutable'))).toBe(true);
    expect(messages.some((m) => m.startsWith('spec.template: Invalid value:') && m.endsWith('field is immutable'))).toBe(true);
  });

  it('lists succeeded pods as the status.successful field label', () => {
    expect(jobs.fieldLabels!(job({}, {}) as KubeObject)).toEqual({ 'status.successful': '0' });
  });
});

describe('cronjob', () => {
  it('fills the policy, suspend and history limits', () => {
    const obj = cronJob();
    cronJobs.defaults!(obj);
    expect(obj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts a five-field schedule', {}, []],
    ['accepts a macro', { schedule: '@hourly' }, []],
    ['requires a schedule', { schedule: '' }, ['spec.schedule: Required value']],
    ['rejects six fields', { schedule: '0 * * * * *' }, ['spec.schedule: Invalid value: "0 * * * * *": expected exactly 5 fields, found 6: [0 * * * * *]']],
    [
      'rejects a TZ prefix in favour of spec.timeZone',
      { schedule: 'TZ=UTC 0 * * * *' },
      ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    ],
    ['rejects an unknown time zone', { timeZone: 'Mars/Olympus' }, ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    [
      'rejects an unknown concurrency policy',
      { concurrencyPolicy: 'Sometimes' },
      ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    ],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    expect(create('cronjobs.batch', cronJob(spec))).toEqual(expected);
  });

  it('rejects a name longer than 52 characters', () => {
    const obj = cronJob();
    obj.metadata.name = 'n'.repeat(53);
    expect(create('cronjobs.batch', obj)).toEqual([`metadata.name: Invalid value: "${'n'.repeat(53)}": must be no more than 52 characters`]);
  });
});

describe('scheduleError', () => {
  const cases: Array<[string, string, string]> = [
    ['accepts ranges, steps and names', '0-30/5 9-17 * jan-jun mon-fri', ''],
    ['accepts @every with a duration', '@every 1h30m', ''],
    ['rejects an unknown macro', '@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['rejects a minute above 59', '60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['rejects a day of month of zero', '0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['rejects text in a number field', '0 x * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['rejects an empty schedule', '  ', 'empty spec string'],
  ];
  it.each(cases)('%s (%j)', (_name, schedule, expected) => {
    expect(scheduleError(schedule)).toBe(expected);
  });
});
