import type { Taint, Toleration } from './types.ts';

/**
 * As upstream's v1.Toleration.ToleratesTaint: an empty effect tolerates every effect, an
 * empty key with `Exists` tolerates every key, `Equal` (or no operator) compares values.
 */
export function toleratesTaint(
  toleration: { key?: string; operator?: string; value?: string; effect?: string },
  taint: { key: string; value?: string; effect: string },
): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

export function tolerated(taint: Taint, tolerations: Toleration[] | undefined): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint, among those `select` keeps, that no toleration tolerates (upstream's FindMatchingUntoleratedTaint). */
export function firstUntoleratedTaint(
  taints: Taint[] | undefined,
  tolerations: Toleration[] | undefined,
  select: (t: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((t) => select(t) && !tolerated(t, tolerations));
}

export const isNoScheduleOrNoExecute = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
