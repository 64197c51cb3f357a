import { isPodActive, isPodReady } from '../framework/index.ts';
import type { Pod } from './types.ts';

/** As upstream's podPhaseToOrdinal: pending pods go before unknown ones, unknown before running. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: Pod;
  /** How many active related pods share this pod's node: doubled-up pods go first. */
  rank: number;
}

/**
 * The pods a ReplicaSet removes when it has `count` too many (upstream's getPodsToDelete):
 * pods are ranked by controller.ActivePodsWithRanks and the first `count` go. `related` are
 * the active pods of every ReplicaSet sharing this one's owner, so that scaling down spreads
 * the remaining pods over nodes. `now` drives the logarithmic age buckets
 * (LogarithmicScaleDown, on by default since 1.22).
 */
export function podsToDelete(opts: { pods: Pod[]; related: Pod[]; count: number; now: Date }): Pod[] {
  if (opts.count >= opts.pods.length) return [...opts.pods];
  const onNode = new Map<string, number>();
  for (const pod of opts.related) if (isPodActive(pod)) onNode.set(nodeOf(pod), (onNode.get(nodeOf(pod)) ?? 0) + 1);
  const ranked: Ranked[] = opts.pods.map((pod) => ({ pod, rank: onNode.get(nodeOf(pod)) ?? 0 }));
  ranked.sort((a, b) => deleteFirst(a, b, opts.now));
  return ranked.slice(0, opts.count).map((r) => r.pod);
}

/** A negative answer when `a` should be deleted before `b` (ActivePodsWithRanks.Less, in order). */
export function deleteFirst(a: Ranked, b: Ranked, now: Date): number {
  const na = nodeOf(a.pod);
  const nb = nodeOf(b.pod);
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? ''] ?? -1;
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? ''] ?? -1;
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  const ra = isPodReady(a.pod);
  const rb = isPodReady(b.pod);
  if (ra !== rb) return ra ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(a.pod);
  const cb = deletionCost(b.pod);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up (more related pods on the node) < not.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for less time < more time (in log2 buckets of the age).
  if (ra && rb) {
    const byReady = newerFirst(readySince(a.pod), readySince(b.pod), now);
    if (byReady !== 0) return byReady === 2 ? uidOrder(a.pod, b.pod) : byReady;
  }
  // 7. More container restarts < fewer.
  const xa = maxRestarts(a.pod);
  const xb = maxRestarts(b.pod);
  if (xa !== xb) return xb - xa;
  // 8. Newer < older (in log2 buckets of the age); no creation time first.
  const byCreation = newerFirst(timeOf(a.pod.metadata.creationTimestamp), timeOf(b.pod.metadata.creationTimestamp), now);
  if (byCreation !== 0) return byCreation === 2 ? uidOrder(a.pod, b.pod) : byCreation;
  return 0;
}

/**
 * Compares two times, the newer (or unknown) one first: -1/1 as the order, 0 when equal, 2 when
 * they differ but fall in the same log2 bucket of age (upstream then breaks the tie by UID).
 */
function newerFirst(ta: number | undefined, tb: number | undefined, now: Date): number {
  if (ta === tb) return 0;
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logBucket(now.getTime() - ta) - logBucket(now.getTime() - tb);
  if (diff === 0) return 2;
  return diff < 0 ? -1 : 1;
}

/** int64(math.Log2(float64(duration in ns))), or -1 for a non-positive duration. */
function logBucket(ms: number): number {
  return ms > 0 ? Math.floor(Math.log2(ms * 1e6)) : -1;
}

function uidOrder(a: Pod, b: Pod): number {
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function nodeOf(pod: Pod): string {
  return pod.spec?.nodeName ?? '';
}

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

function readySince(pod: Pod): number | undefined {
  return timeOf(pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

function timeOf(stamp: string | undefined): number | undefined {
  if (!stamp) return undefined;
  const t = Date.parse(stamp);
  return Number.isFinite(t) ? t : undefined;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}
