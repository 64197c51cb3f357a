import { StatusError, errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { fromLabelSelector, type ApiLabelSelector } from '../selectors/label-selector.ts';

/**
 * As upstream's MaxDisruptedPodSize: evictions approved but not yet seen by the disruption
 * controller; beyond it the eviction API refuses.
 */
export const MAX_DISRUPTED_POD_SIZE = 2000;

interface Budget extends KubeObject {
  metadata: KubeObject['metadata'] & { generation?: number };
  spec?: { selector?: ApiLabelSelector | null; unhealthyPodEvictionPolicy?: string };
  status?: {
    observedGeneration?: number;
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    disruptedPods?: Record<string, string>;
    conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number }[];
  };
}

/** What the eviction subresource should do once the budgets have been consulted. */
export type EvictionDecision =
  /** Delete the pod; with a resourceVersion precondition when the pod must not change meanwhile. */
  | { action: 'delete'; preconditionResourceVersion?: string }
  /** Write `budget` (one disruption fewer, the pod recorded), then delete. */
  | { action: 'decrement'; budgetName: string; budget: KubeObject }
  /** Answer this Status as is (several budgets match: upstream's 500 without a reason). */
  | { action: 'respond'; code: number; body: Record<string, unknown> };

/**
 * The policy checks of upstream's EvictionREST.Create (pkg/registry/core/pod/storage/eviction.go),
 * given the pod and the budgets of its namespace as the watch cache holds them. Throws the
 * StatusError upstream answers (429 TooManyRequests when the budget allows no disruption).
 */
export function decideEviction(opts: { pod: KubeObject; budgets: KubeObject[]; now: Date; dryRun: boolean }): EvictionDecision {
  const { pod } = opts;
  const podStatus = (pod.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[] };
  const phase = podStatus.phase;
  // canIgnorePDB: a finished, pending or terminating pod is disrupted already (or not yet running).
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) {
    const enforce = phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
    return { action: 'delete', preconditionResourceVersion: enforce ? pod.metadata.resourceVersion : undefined };
  }
  const matching = (opts.budgets as Budget[]).filter((b) => budgetCovers(b, pod));
  if (matching.length > 1) {
    return {
      action: 'respond',
      code: 500,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', code: 500 },
    };
  }
  if (matching.length === 0) return { action: 'delete' };
  const budget = matching[0];
  const status = budget.status ?? {};
  const ready = (podStatus.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  // An unready pod does not count as healthy: it may go without spending the budget, always
  // under AlwaysAllow, and under IfHealthyBudget (the default) while the budget is met.
  if (!ready && budget.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { action: 'delete', preconditionResourceVersion: pod.metadata.resourceVersion };
  const desired = status.desiredHealthy ?? 0;
  if (!ready && (status.currentHealthy ?? 0) >= desired && desired > 0) return { action: 'delete', preconditionResourceVersion: pod.metadata.resourceVersion };
  return { action: 'decrement', budgetName: budget.metadata.name!, budget: decremented(budget, { podName: pod.metadata.name!, now: opts.now, dryRun: opts.dryRun }) };
}

/** Upstream's getPodDisruptionBudgets: an invalid, missing or empty selector covers nothing here. */
function budgetCovers(budget: Budget, pod: KubeObject): boolean {
  try {
    const selector = fromLabelSelector(budget.spec?.selector);
    return !selector.empty && selector.matches(pod.metadata.labels);
  } catch {
    return false;
  }
}

/** Upstream's checkAndDecrement: refuses, or answers the budget with one disruption spent. */
function decremented(budget: Budget, opts: { podName: string; now: Date; dryRun: boolean }): KubeObject {
  const status = budget.status ?? {};
  const name = budget.metadata.name!;
  if ((status.observedGeneration ?? 0) < (budget.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`, 10);
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw errors.forbidden(`poddisruptionbudget.policy "${name}" is forbidden: pdb disruptions allowed is negative`, { name, group: 'policy', kind: 'poddisruptionbudget' });
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw errors.forbidden(`poddisruptionbudget.policy "${name}" is forbidden: DisruptedPods map too big - too many evictions not confirmed by PDB controller`, { name, group: 'policy', kind: 'poddisruptionbudget' });
  }
  if (allowed === 0) throw tooManyRequests(`The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`, 0);
  const next = structuredClone(budget);
  const nextStatus = (next.status ??= {});
  nextStatus.disruptionsAllowed = allowed - 1;
  if (nextStatus.disruptionsAllowed === 0) {
    // pdbhelper.UpdateDisruptionAllowedCondition: the condition turns False/InsufficientPods.
    const old = (nextStatus.conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
    const others = (nextStatus.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed');
    const lastTransitionTime = old?.status === 'False' && old.lastTransitionTime ? old.lastTransitionTime : opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    nextStatus.conditions = [...others, { type: 'DisruptionAllowed', status: 'False', observedGeneration: nextStatus.observedGeneration, lastTransitionTime, reason: 'InsufficientPods', message: '' }];
  }
  if (!opts.dryRun) nextStatus.disruptedPods = { ...(nextStatus.disruptedPods ?? {}), [opts.podName]: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return next;
}

/** errors.NewTooManyRequests with a DisruptionBudget cause, as createTooManyRequestsError. */
function tooManyRequests(causeMessage: string, retryAfterSeconds: number): StatusError {
  return new StatusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [{ reason: 'DisruptionBudget', message: causeMessage }],
    ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}),
  });
}
