import { toleratesTaint } from '../../scheduler/taints.ts';

/** A node taint and a pod toleration, as core/v1 spells them. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** v1.Toleration.ToleratesTaint, the scheduler's (one implementation for every component). */
export const tolerates: (toleration: Toleration, taint: Taint) => boolean = toleratesTaint;

/**
 * When a pod on a node with these NoExecute taints must go, as upstream's taint eviction
 * (processPodOnNode with getMinTolerationTime): `now` when some taint is not tolerated or a
 * matching toleration has tolerationSeconds <= 0; `never` when the tolerations carry no
 * tolerationSeconds; otherwise the shortest tolerationSeconds after the earliest taint was added.
 */
export function evictionTime(opts: { taints: Taint[]; tolerations: Toleration[]; taintedSince: number }): { at: 'now' } | { at: 'never' } | { at: number } {
  const noExecute = opts.taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { at: 'never' };
  const used: Toleration[] = [];
  for (const taint of noExecute) {
    const matching = opts.tolerations.filter((t) => tolerates(t, taint));
    if (matching.length === 0) return { at: 'now' };
    used.push(...matching);
  }
  let minSeconds = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return { at: 'now' };
    minSeconds = Math.min(minSeconds, t.tolerationSeconds);
  }
  if (minSeconds === Number.POSITIVE_INFINITY) return { at: 'never' };
  return { at: opts.taintedSince + minSeconds * 1000 };
}

/** The earliest timeAdded among NoExecute taints (ms since the epoch), if any carries one. */
export function earliestNoExecuteTaint(taints: Taint[]): number | undefined {
  let earliest: number | undefined;
  for (const t of taints) {
    if (t.effect !== 'NoExecute' || !t.timeAdded) continue;
    const at = Date.parse(t.timeAdded);
    if (Number.isFinite(at) && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
