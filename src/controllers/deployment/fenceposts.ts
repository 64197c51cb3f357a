import type { Deployment, IntOrPercent } from './types.ts';
import { desiredReplicas } from './types.ts';

/** apps/v1's RollingUpdate defaults. */
const DEFAULT_MAX_SURGE = '25%';
const DEFAULT_MAX_UNAVAILABLE = '25%';

/**
 * An int-or-percent against `total` (intstr.GetScaledValueFromIntOrPercent): a percentage is
 * rounded up or down as asked; a string that is not a percentage is an error, as upstream.
 */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) {
    if (/^-?\d+$/.test(value)) return Number(value);
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/**
 * maxSurge and maxUnavailable as pod counts (upstream's ResolveFenceposts): surge rounds up,
 * unavailable rounds down, and both 0 becomes unavailable 1 so a rollout can progress.
 */
export function resolveFenceposts(opts: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent; desired: number }): { surge: number; unavailable: number } {
  const surge = scaledValue(opts.maxSurge ?? DEFAULT_MAX_SURGE, opts.desired, true);
  let unavailable = scaledValue(opts.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE, opts.desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** MaxSurge(deployment): 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  return resolveFenceposts({ maxSurge: ru.maxSurge, maxUnavailable: ru.maxUnavailable, desired: desiredReplicas(d) }).surge;
}

/** MaxUnavailable(deployment): 0 for Recreate or no replicas, never more than the replicas. */
export function maxUnavailable(d: Deployment): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const { unavailable } = resolveFenceposts({ maxSurge: ru.maxSurge, maxUnavailable: ru.maxUnavailable, desired });
  return Math.min(unavailable, desired);
}
