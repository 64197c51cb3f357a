import type { KubeObject } from '../../client/index.ts';
import { controllerRef } from '../framework/index.ts';
import { parseCronSchedule, ScheduleError } from './cron-schedule.ts';
import { SCHEDULED_TIMESTAMP_ANNOTATION, type CronJob, type ObjectReference } from './cronjob-types.ts';
import { jobNameFor, missedSchedules } from './schedule-times.ts';
import { metaTime, rfc1123zUtc, rfc3339In } from './time-format.ts';

type Job = KubeObject & { status?: { conditions?: { type: string; status: string }[]; completionTime?: string; startTime?: string } };

export interface CronJobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface CronJobPlan {
  status: NonNullable<CronJob['status']>;
  /** Jobs to delete first (Replace), then the Job to create, then old Jobs beyond the history limits. */
  replace: Job[];
  create?: Job;
  cleanUp: Job[];
  events: CronJobEvent[];
  /** Sync again then (the next activation, plus upstream's 100 ms). */
  requeueAfterMs?: number;
}

/** jobutil.FinishedCondition: Complete or Failed, if True. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  const c = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

/** Upstream caps how many missed activations it will look at before warning (and still starting the latest). */
const TOO_MANY_MISSED = 100;

/**
 * One sync of upstream's CronJob controller (cronjob_controllerv2 syncCronJob) as a pure
 * function of the CronJob, the Jobs it controls and the time.
 */
export function planCronJob(o: { cronJob: CronJob; jobs: Job[]; now: Date }): CronJobPlan {
  const { cronJob: cj, now } = o;
  const events: CronJobEvent[] = [];
  const status = structuredClone(cj.status ?? {});
  let active: ObjectReference[] = [...(status.active ?? [])];
  const plan: CronJobPlan = { status, replace: [], cleanUp: [], events };

  // 1. Reconcile status.active with the Jobs that exist.
  const jobsByUid = new Map(o.jobs.map((j) => [j.metadata.uid, j]));
  for (const job of o.jobs) {
    const inActive = active.some((r) => r.uid === job.metadata.uid);
    const finished = finishedCondition(job);
    if (!inActive && !finished) {
      events.push({ type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${job.metadata.name}` });
    } else if (inActive && finished) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      events.push({ type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${job.metadata.name}, condition: ${finished}` });
    }
    const completed = finished === 'Complete' ? job.status?.completionTime : undefined;
    if (completed && (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) status.lastSuccessfulTime = completed;
  }
  for (const ref of [...active]) {
    if (jobsByUid.has(ref.uid)) continue;
    active = active.filter((r) => r !== ref);
    events.push({ type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${ref.name}` });
  }
  const finish = (): CronJobPlan => {
    status.active = active.length ? active : undefined;
    if (!status.active) delete status.active;
    return plan;
  };
  plan.cleanUp = historyToCleanUp(cj, o.jobs);
  if (cj.metadata.deletionTimestamp) return finish();

  // 2. Schedule and time zone.
  let schedule;
  try {
    schedule = parseCronSchedule(cj.spec.schedule, cj.spec.timeZone || undefined);
  } catch (error) {
    if (cj.spec.timeZone && /time zone/.test((error as Error).message)) events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: `invalid timeZone: "${cj.spec.timeZone}": ${(error as Error).message}` });
    else events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: "${cj.spec.schedule}" : ${(error as Error).message}` });
    if (!(error instanceof ScheduleError)) throw error;
    return finish();
  }
  if (cj.spec.suspend) return finish();
  const nextAfterNow = schedule.next(now);
  plan.requeueAfterMs = nextAfterNow ? nextAfterNow.getTime() - now.getTime() + 100 : undefined;

  // 3. The activation to start, if any.
  let earliest = new Date(status.lastScheduleTime ?? String(cj.metadata.creationTimestamp ?? metaTime(now)));
  const deadline = cj.spec.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    const floor = new Date(now.getTime() - deadline * 1000);
    if (floor > earliest) earliest = floor;
  }
  const { mostRecent: scheduled, missed } = missedSchedules(schedule, earliest, now);
  if (missed > TOO_MANY_MISSED) {
    events.push({ type: 'Warning', reason: 'TooManyMissedTimes', message: `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew` });
  }
  if (!scheduled) return finish();
  if (deadline !== undefined && deadline !== null && scheduled.getTime() + deadline * 1000 < now.getTime()) {
    events.push({ type: 'Warning', reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${rfc1123zUtc(scheduled)}` });
    return finish();
  }
  const name = jobNameFor(cj.metadata.name!, scheduled);
  if (active.some((r) => r.name === name) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled.getTime())) return finish();
  const policy = cj.spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length > 0) {
    events.push({ type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return finish();
  }
  if (policy === 'Replace') {
    plan.replace = active.map((r) => jobsByUid.get(r.uid)).filter((j): j is Job => !!j);
    active = [];
  }
  plan.create = newJobFor(cj, scheduled);
  status.lastScheduleTime = metaTime(scheduled);
  return finish();
}

/** The Job of one activation (upstream's getJobFromTemplate2). */
export function newJobFor(cj: CronJob, scheduled: Date): Job {
  const template = structuredClone(cj.spec.jobTemplate);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj.metadata.name!, scheduled),
      namespace: cj.metadata.namespace,
      labels: template.metadata?.labels ?? {},
      annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, cj.spec.timeZone || undefined) },
      ownerReferences: [controllerRef(cj, 'batch/v1', 'CronJob')],
    },
    spec: template.spec,
  };
}

/** Finished Jobs beyond successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1), oldest first (upstream's cleanupFinishedJobs). */
export function historyToCleanUp(cj: CronJob, jobs: Job[]): Job[] {
  const started = (j: Job) => Date.parse(j.status?.startTime ?? String(j.metadata.creationTimestamp ?? '')) || 0;
  const pick = (kind: 'Complete' | 'Failed', limit: number) => {
    const done = jobs.filter((j) => finishedCondition(j) === kind && !j.metadata.deletionTimestamp).sort((a, b) => started(a) - started(b));
    return done.slice(0, Math.max(0, done.length - limit));
  };
  return [...pick('Complete', cj.spec.successfulJobsHistoryLimit ?? 3), ...pick('Failed', cj.spec.failedJobsHistoryLimit ?? 1)];
}
