import type { KubeObject } from '../../client/index.ts';
import { isPodReady } from '../framework/index.ts';
import { formatIndexes, parseIndexes } from './completed-indexes.ts';
import { conditionIsTrue, JOB_REASONS, withJobCondition } from './job-conditions.ts';
import { hasTrackingFinalizer, isPodActiveForJob, isPodFailed, isPodSucceeded, podFinishTime, podIndex } from './job-pod.ts';
import type { Job, JobStatus } from './job-types.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';

/** Upstream's pod failure back-off: 10 s doubling per failure, capped at 6 minutes (DefaultJobPodFailureBackOff). */
export const POD_FAILURE_BACKOFF_BASE_MS = 10_000;
export const POD_FAILURE_BACKOFF_MAX_MS = 360_000;
/** backoffLimit's default (validation defaults it to 6 as well). */
const DEFAULT_BACKOFF_LIMIT = 6;

export interface JobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** What one sync of a Job should do, computed from the Job and its pods alone. */
export interface JobPlan {
  status: JobStatus;
  /** Pods whose terminal state `status` records: drop their finalizers once it is written. */
  removeFinalizers: KubeObject[];
  /** Pods to create: a completion index each for Indexed jobs, undefined otherwise. */
  create: (number | undefined)[];
  delete: KubeObject[];
  events: JobEvent[];
  /** Sync again after this long (back-off end, active deadline). */
  requeueAfterMs?: number;
}

/**
 * The Job controller's syncJob as a pure function. Pods finish into status in two steps, as
 * upstream's finalizer tracking: first their UIDs go to uncountedTerminatedPods (and, for
 * Indexed jobs, their index to completedIndexes) while they keep the job-tracking finalizer;
 * once that status is written the finalizer goes, and a later sync moves the UIDs of pods
 * without a finalizer into the succeeded/failed counters. A server killed between any two
 * writes neither loses nor double-counts a pod.
 */
export function planJobSync(job: Job, pods: KubeObject[], nowMs: number): JobPlan {
  const nowIso = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const old = job.status ?? {};
  const indexed = job.spec.completionMode === 'Indexed';
  const completions = job.spec.completions ?? undefined;
  const parallelism = job.spec.parallelism ?? 1;
  const events: JobEvent[] = [];
  let conditions = old.conditions ?? [];

  // 1. Accounting: record newly finished pods, flush recorded ones whose finalizer is gone.
  const uncountedSucceeded = new Set(old.uncountedTerminatedPods?.succeeded ?? []);
  const uncountedFailed = new Set(old.uncountedTerminatedPods?.failed ?? []);
  const completedIndexes = indexed ? parseIndexes(old.completedIndexes, completions ?? 0) : new Set<number>();
  const removeFinalizers: KubeObject[] = [];
  const byUid = new Map(pods.map((p) => [p.metadata.uid!, p]));
  const failing = !!conditionIsTrue(conditions, 'FailureTarget') || !!conditionIsTrue(conditions, 'Failed');
  let failJob: string | undefined;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid!;
    const terminated = isPodSucceeded(pod) || isPodFailed(pod, job) || !!pod.metadata.deletionTimestamp;
    if (!terminated && !job.metadata.deletionTimestamp) continue;
    if (!uncountedSucceeded.has(uid) && !uncountedFailed.has(uid)) {
      if (isPodSucceeded(pod)) {
        uncountedSucceeded.add(uid);
        const index = podIndex(pod);
        if (indexed && index !== undefined && index < (completions ?? 0)) completedIndexes.add(index);
      } else if (isPodFailed(pod, job) || failing) {
        const match = job.spec.podFailurePolicy && !failing ? matchPodFailurePolicy(job, pod) : undefined;
        // An Ignore rule: the pod goes without counting against backoffLimit.
        if (match?.action !== 'Ignore') uncountedFailed.add(uid);
        if (match?.action === 'FailJob') failJob ??= match.message;
      } else continue;
    }
    removeFinalizers.push(pod);
  }
  let succeeded = old.succeeded ?? 0;
  let failed = old.failed ?? 0;
  for (const uid of [...uncountedSucceeded]) {
    const pod = byUid.get(uid);
    if (!pod || !hasTrackingFinalizer(pod)) (uncountedSucceeded.delete(uid), succeeded++);
  }
  for (const uid of [...uncountedFailed]) {
    const pod = byUid.get(uid);
    if (!pod || !hasTrackingFinalizer(pod)) (uncountedFailed.delete(uid), failed++);
  }
  const totalSucceeded = succeeded + uncountedSucceeded.size;
  const totalFailed = failed + uncountedFailed.size;

  const active = pods.filter(isPodActiveForJob);
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isPodSucceeded(p) && (p.status as { phase?: string } | undefined)?.phase !== 'Failed');
  const plan: JobPlan = { status: {}, removeFinalizers, create: [], delete: [], events };
  let startTime = old.startTime;
  let completionTime = old.completionTime;
  const suspended = job.spec.suspend === true;
  const finished = conditionIsTrue(conditions, 'Complete') || conditionIsTrue(conditions, 'Failed');

  if (!finished) {
    // 2. Suspend and resume (upstream resets startTime on resume so the deadline restarts).
    if (suspended) {
      const before = conditions;
      conditions = withJobCondition(conditions, { type: 'Suspended', status: 'True', ...JOB_REASONS.suspended }, nowIso);
      if (before !== conditions) events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
    } else {
      if (conditionIsTrue(conditions, 'Suspended')) {
        conditions = withJobCondition(conditions, { type: 'Suspended', status: 'False', ...JOB_REASONS.resumed }, nowIso);
        events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
        startTime = nowIso;
      }
      startTime ??= nowIso;
    }

    // 3. Terminal targets: failure first, as upstream checks it before success.
    let failureTarget = conditionIsTrue(conditions, 'FailureTarget');
    let successTarget = conditionIsTrue(conditions, 'SuccessCriteriaMet');
    if (!failureTarget && !successTarget) {
      const deadlineMs = job.spec.activeDeadlineSeconds !== undefined && startTime && !suspended ? Date.parse(startTime) + job.spec.activeDeadlineSeconds * 1000 : undefined;
      const failure = failJob
        ? { reason: 'PodFailurePolicy', message: failJob }
        : totalFailed > (job.spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT)
          ? JOB_REASONS.backoffLimitExceeded
          : deadlineMs !== undefined && nowMs >= deadlineMs
            ? JOB_REASONS.deadlineExceeded
            : undefined;
      if (failure) {
        conditions = withJobCondition(conditions, { type: 'FailureTarget', status: 'True', ...failure }, nowIso);
        failureTarget = conditionIsTrue(conditions, 'FailureTarget');
      } else if (deadlineMs !== undefined) plan.requeueAfterMs = deadlineMs - nowMs;
      const complete = completions === undefined ? totalSucceeded > 0 && active.length === 0 : indexed ? completedIndexes.size >= completions : totalSucceeded >= completions;
      if (!failure && complete) {
        conditions = withJobCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', ...JOB_REASONS.completionsReached }, nowIso);
        successTarget = conditionIsTrue(conditions, 'SuccessCriteriaMet');
      }
    }

    const settled = uncountedSucceeded.size === 0 && uncountedFailed.size === 0 && removeFinalizers.length === 0 && pods.every((p) => !hasTrackingFinalizer(p) || !isPodActiveForJob(p));
    if (failureTarget || successTarget) {
      // 4. Finishing: stop what still runs, then turn the target into Complete or Failed.
      plan.delete = active;
      if (active.length === 0 && settled) {
        const target = (failureTarget ?? successTarget)!;
        const type = failureTarget ? 'Failed' : 'Complete';
        conditions = withJobCondition(conditions, { type, status: 'True', reason: target.reason!, message: target.message! }, nowIso);
        if (failureTarget) events.push({ type: 'Warning', reason: target.reason!, message: target.message! });
        else {
          completionTime = nowIso;
          events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
        }
      }
    } else if (suspended) {
      plan.delete = active;
    } else {
      // 5. Keep the wanted number of pods running.
      const { create, remove } = indexed
        ? indexedDiff({ active, completedIndexes, completions: completions ?? 0, parallelism })
        : nonIndexedDiff({ active, succeeded: totalSucceeded, completions, parallelism });
      plan.delete = remove;
      if (create.length > 0) {
        const wait = remainingBackoffMs(pods.filter((p) => isPodFailed(p, job)), totalFailed, nowMs);
        if (wait > 0) plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, wait);
        else plan.create = create;
      }
    }
  }

  const activeAfter = active.length - plan.delete.length + plan.create.length;
  plan.status = {
    ...old,
    conditions: conditions.length ? conditions : undefined,
    startTime,
    completionTime,
    active: Math.max(0, activeAfter),
    ready: active.filter((p) => isPodReady(p) && !plan.delete.includes(p)).length,
    terminating: terminating.length + plan.delete.length,
    succeeded,
    failed,
    uncountedTerminatedPods: { succeeded: [...uncountedSucceeded], failed: [...uncountedFailed] },
    ...(indexed ? { completedIndexes: formatIndexes(completedIndexes) } : {}),
  };
  if (!plan.status.uncountedTerminatedPods!.succeeded!.length) delete plan.status.uncountedTerminatedPods!.succeeded;
  if (!plan.status.uncountedTerminatedPods!.failed!.length) delete plan.status.uncountedTerminatedPods!.failed;
  for (const k of ['conditions', 'startTime', 'completionTime'] as const) if (plan.status[k] === undefined) delete plan.status[k];
  return plan;
}

/** Pods to remove first: not yet ready, then the newest (upstream's ActivePods ordering, simplified). */
function deletionOrder(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort(
    (a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')),
  );
}

function nonIndexedDiff(o: { active: KubeObject[]; succeeded: number; completions?: number; parallelism: number }) {
  let want: number;
  if (o.completions === undefined) want = o.succeeded > 0 ? Math.min(o.active.length, o.parallelism) : o.parallelism;
  else want = Math.max(0, Math.min(o.parallelism, o.completions - o.succeeded));
  const diff = o.active.length - want;
  if (diff > 0) return { create: [], remove: deletionOrder(o.active).slice(0, diff) };
  return { create: Array.from({ length: -diff }, () => undefined), remove: [] as KubeObject[] };
}

/** Indexed jobs: one active pod per pending index, lowest indexes first; duplicates and out-of-range or completed indexes go. */
function indexedDiff(o: { active: KubeObject[]; completedIndexes: Set<number>; completions: number; parallelism: number }) {
  const remove: KubeObject[] = [];
  const running = new Map<number, KubeObject>();
  for (const pod of deletionOrder(o.active).reverse()) {
    const index = podIndex(pod);
    if (index === undefined || index >= o.completions || o.completedIndexes.has(index) || running.has(index)) remove.push(pod);
    else running.set(index, pod);
  }
  const excess = running.size - o.parallelism;
  if (excess > 0) {
    const byIndexDesc = [...running.entries()].sort(([a], [b]) => b - a).slice(0, excess);
    for (const [index, pod] of byIndexDesc) (running.delete(index), remove.push(pod));
  }
  const create: number[] = [];
  for (let i = 0; i < o.completions && running.size + create.length < o.parallelism; i++) {
    if (!running.has(i) && !o.completedIndexes.has(i)) create.push(i);
  }
  return { create, remove };
}

/** How long new pods must still wait after the latest failure (upstream's getRemainingTimeForPodBackoff). */
export function remainingBackoffMs(failedPods: KubeObject[], failures: number, nowMs: number): number {
  if (failures <= 0 || failedPods.length === 0) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_BASE_MS * 2 ** (failures - 1), POD_FAILURE_BACKOFF_MAX_MS);
  const last = Math.max(...failedPods.map(podFinishTime));
  return Math.max(0, last + delay - nowMs);
}
