import type { KubeObject } from '../../client/index.ts';
import { podPhase } from '../framework/index.ts';

function nodeNameOf(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

function isTerminated(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

function isEvicted(pod: KubeObject): boolean {
  return podPhase(pod) === 'Failed' && (pod.status as { reason?: string } | undefined)?.reason === 'Evicted';
}

/**
 * Terminated pods beyond `threshold`, in deletion order (upstream's gcTerminated with
 * byEvictionAndCreationTimestamp): evicted pods first, then the oldest. A threshold of 0 or
 * less turns this collection off, as --terminated-pod-gc-threshold does.
 */
export function terminatedPodsBeyondThreshold(pods: KubeObject[], threshold: number): KubeObject[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter((p) => isTerminated(p) && !p.metadata.deletionTimestamp);
  const excess = terminated.length - threshold;
  if (excess <= 0) return [];
  const created = (p: KubeObject) => Date.parse(String(p.metadata.creationTimestamp ?? '')) || 0;
  return [...terminated]
    .sort((a, b) => Number(isEvicted(b)) - Number(isEvicted(a)) || created(a) - created(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
    .slice(0, excess);
}

/** Node names that pods are bound to but that are absent from `nodes` (upstream's gcOrphaned candidates). */
export function missingNodesOfPods(pods: KubeObject[], nodes: ReadonlySet<string>): Set<string> {
  const missing = new Set<string>();
  for (const pod of pods) {
    const node = nodeNameOf(pod);
    if (node && !nodes.has(node)) missing.add(node);
  }
  return missing;
}

/** Pods bound to one of `deletedNodes`. */
export function podsOnNodes(pods: KubeObject[], deletedNodes: ReadonlySet<string>): KubeObject[] {
  return pods.filter((p) => deletedNodes.has(nodeNameOf(p)));
}

/** Pods being deleted that never reached a node: no kubelet will ever finish them (upstream's gcUnscheduledTerminating). */
export function unscheduledTerminatingPods(pods: KubeObject[]): KubeObject[] {
  return pods.filter((p) => p.metadata.deletionTimestamp && !nodeNameOf(p));
}

/**
 * Node names missing long enough to act on: upstream waits a quarantine (40 s) after first
 * noticing a node gone, so a node that is only late in the cache is not mistaken for deleted.
 * `firstMissingAt` is updated in place: nodes seen again are forgotten.
 */
export function nodesPastQuarantine(opts: { missing: ReadonlySet<string>; firstMissingAt: Map<string, number>; nowMs: number; quarantineMs: number }): Set<string> {
  for (const name of [...opts.firstMissingAt.keys()]) if (!opts.missing.has(name)) opts.firstMissingAt.delete(name);
  const due = new Set<string>();
  for (const name of opts.missing) {
    const since = opts.firstMissingAt.get(name);
    if (since === undefined) opts.firstMissingAt.set(name, opts.nowMs);
    else if (opts.nowMs - since >= opts.quarantineMs) due.add(name);
  }
  return due;
}
