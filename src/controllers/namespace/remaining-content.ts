import type { KubeObject } from '../../client/index.ts';

/**
 * What is left of one resource after a delete pass (upstream's deleteAllContentForGroupVersionResource
 * tallies): how many objects remain, how many carry each finalizer, and how long until the
 * slowest graceful deletion (pods with a grace period) should be over, in seconds from `now`.
 */
export function tallyRemaining(items: KubeObject[], now: Date): { count: number; byFinalizer: Map<string, number>; estimateSeconds: number } {
  const byFinalizer = new Map<string, number>();
  let estimateSeconds = 0;
  for (const item of items) {
    for (const f of (item.metadata.finalizers as string[] | undefined) ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
    const deletion = item.metadata.deletionTimestamp ? Date.parse(item.metadata.deletionTimestamp) : NaN;
    if (Number.isFinite(deletion)) estimateSeconds = Math.max(estimateSeconds, Math.ceil((deletion - now.getTime()) / 1000));
  }
  return { count: items.length, byFinalizer, estimateSeconds };
}

/** `pods.` for the core group, `deployments.apps` otherwise: upstream prints `resource.group`. */
export function groupResource(type: { group: string; resource: string }): string {
  return `${type.resource}.${type.group}`;
}

/** spec.finalizers without `kubernetes`: what the controller PUTs to /finalize once the namespace is empty. */
export function finalizersAfterCleanup(finalizers: string[] | undefined): string[] {
  return (finalizers ?? []).filter((f) => f !== 'kubernetes');
}
