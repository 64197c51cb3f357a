import type { JobCondition } from './job-types.ts';

/**
 * Sets a Job condition as upstream's ensureJobConditionStatus: a condition that already says
 * this (same status, reason and message) is left alone; a changed one gets new probe and
 * transition times; a False condition that does not exist is not added.
 */
export function withJobCondition(
  conditions: JobCondition[] | undefined,
  next: { type: string; status: 'True' | 'False'; reason: string; message: string },
  now: string,
): JobCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) {
    if (next.status === 'False') return list;
    return [...list, { ...next, lastProbeTime: now, lastTransitionTime: now }];
  }
  const old = list[i]!;
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return list;
  list[i] = { ...next, lastProbeTime: now, lastTransitionTime: old.status === next.status ? (old.lastTransitionTime ?? now) : now };
  return list;
}

export function conditionIsTrue(conditions: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return conditions?.find((c) => c.type === type && c.status === 'True');
}

/** Upstream's reasons and messages, so `kubectl describe job` reads the same. */
export const JOB_REASONS = {
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  suspended: { reason: 'JobSuspended', message: 'Job suspended' },
  resumed: { reason: 'JobResumed', message: 'Job resumed' },
} as const;
