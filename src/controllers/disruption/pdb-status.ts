import type { KubeObject } from '../../client/index.ts';
import { isPodReady } from '../framework/index.ts';
import type { ExpectedCount } from './expected-count.ts';
import type { PdbCondition, PodDisruptionBudget, PodDisruptionBudgetStatus } from './types.ts';

/** Upstream's DeletionTimeout: an evicted pod not deleted by then counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** The new status, and when it must be computed again because a disrupted pod's grace runs out. */
export interface PdbStatusResult {
  status: PodDisruptionBudgetStatus;
  recheckAtMs?: number;
  /** Pods the eviction API let go that were never deleted (upstream's NotDeleted events). */
  notDeleted: string[];
}

/**
 * Upstream's trySync after getExpectedPodCount: healthy = Ready pods not being deleted and not
 * recently evicted; disruptionsAllowed = healthy - desiredHealthy (0 when nothing is expected);
 * the DisruptionAllowed condition says SufficientPods or InsufficientPods.
 */
export function pdbStatus(opts: { pdb: PodDisruptionBudget; pods: KubeObject[]; expected: ExpectedCount; now: Date; stamp: string }): PdbStatusResult {
  const { pdb, pods, expected, now } = opts;
  const disrupted = disruptedPodMap(pods, pdb.status?.disruptedPods ?? {}, now.getTime());
  let currentHealthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (disrupted.kept[pod.metadata.name!] !== undefined) continue;
    if (isPodReady(pod)) currentHealthy++;
  }
  const { expectedCount, desiredHealthy } = expected;
  const disruptionsAllowed = expectedCount <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  const status: PodDisruptionBudgetStatus = {
    ...(Object.keys(disrupted.kept).length > 0 ? { disruptedPods: disrupted.kept } : {}),
    disruptionsAllowed,
    currentHealthy,
    desiredHealthy,
    expectedPods: expectedCount,
    observedGeneration: pdb.metadata.generation ?? 0,
  };
  status.conditions = withDisruptionAllowed(pdb.status?.conditions, { ...(disruptionsAllowed > 0 ? sufficient : insufficient), observedGeneration: status.observedGeneration }, opts.stamp);
  return { status, recheckAtMs: disrupted.recheckAtMs, notDeleted: disrupted.expired };
}

/**
 * Upstream's failSafe: when the expected count cannot be computed, nothing may be disrupted and
 * the condition says SyncFailed with the error.
 */
export function failSafeStatus(opts: { pdb: PodDisruptionBudget; message: string; stamp: string }): PodDisruptionBudgetStatus {
  const old = opts.pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  return {
    ...old,
    disruptionsAllowed: 0,
    observedGeneration: opts.pdb.metadata.generation ?? 0,
    conditions: withDisruptionAllowed(old.conditions, { status: 'False', reason: 'SyncFailed', message: opts.message, observedGeneration: opts.pdb.metadata.generation ?? 0 }, opts.stamp),
  };
}

const sufficient = { status: 'True', reason: 'SufficientPods', message: '' } as const;
const insufficient = { status: 'False', reason: 'InsufficientPods', message: '' } as const;

/** Whether writing `next` over `old` would change anything (upstream skips equal status writes). */
export function pdbStatusChanged(old: PodDisruptionBudgetStatus | undefined, next: PodDisruptionBudgetStatus): boolean {
  return JSON.stringify(normalize(old)) !== JSON.stringify(normalize(next));
}

function normalize(s: PodDisruptionBudgetStatus | undefined): unknown {
  if (!s) return undefined;
  const disrupted = Object.entries(s.disruptedPods ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return [s.observedGeneration ?? 0, disrupted, s.disruptionsAllowed, s.currentHealthy, s.desiredHealthy, s.expectedPods, s.conditions ?? []];
}

/** meta.SetStatusCondition: the transition time moves only when the status does. */
function withDisruptionAllowed(conditions: PdbCondition[] | undefined, next: Omit<PdbCondition, 'type' | 'lastTransitionTime'>, stamp: string): PdbCondition[] {
  const others = (conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed');
  const old = (conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
  const lastTransitionTime = old && old.status === next.status && old.lastTransitionTime ? old.lastTransitionTime : stamp;
  return [...others, { type: 'DisruptionAllowed', status: next.status, observedGeneration: next.observedGeneration, lastTransitionTime, reason: next.reason, message: next.message }];
}

/**
 * Upstream's buildDisruptedPodMap: keep an evicted pod's entry while it still exists, is not yet
 * being deleted, and its deletion is not overdue; report when the next entry runs out.
 */
function disruptedPodMap(pods: KubeObject[], old: Record<string, string>, nowMs: number): { kept: Record<string, string>; expired: string[]; recheckAtMs?: number } {
  const kept: Record<string, string> = {};
  const expired: string[] = [];
  let recheckAtMs: number | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = old[pod.metadata.name!];
    if (at === undefined) continue;
    const due = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (!(due > nowMs)) {
      expired.push(pod.metadata.name!);
      continue;
    }
    kept[pod.metadata.name!] = at;
    if (recheckAtMs === undefined || due < recheckAtMs) recheckAtMs = due;
  }
  return { kept, expired, recheckAtMs };
}
