import type { KubeObject } from '../../client/index.ts';
import { canonicalQuantity } from '../../quantity/quantity.ts';
import { namespaceUsage } from '../../quota/object-usage.ts';
import { usageToResourceList } from '../../quota/quantities.ts';
import { trackedResourceOf } from '../../quota/tracked-resources.ts';

export interface QuotaStatus {
  hard: Record<string, string>;
  used: Record<string, string>;
}

/**
 * The status the quota controller writes (upstream's syncResourceQuota): `hard` is spec.hard
 * in canonical form, `used` the namespace's usage of every hard name an evaluator tracks and
 * whose objects `canCount` says this controller can see.
 */
export function quotaStatus(opts: {
  quota: KubeObject;
  objectsOf: (resource: string) => KubeObject[];
  canCount: (resource: string) => boolean;
  now: Date;
}): QuotaStatus {
  const specHard = ((opts.quota.spec as { hard?: Record<string, string> } | undefined)?.hard) ?? {};
  const hard: Record<string, string> = {};
  for (const name of Object.keys(specHard).sort()) hard[name] = canonicalQuantity(specHard[name]!);
  const names = Object.keys(hard).filter((n) => {
    const resource = trackedResourceOf(n);
    return resource !== undefined && opts.canCount(resource);
  });
  return { hard, used: usageToResourceList(namespaceUsage({ names, objectsOf: opts.objectsOf, now: opts.now })) };
}

/** Whether the stored status already says this, so the controller skips a no-op write. */
export function sameQuotaStatus(current: unknown, next: QuotaStatus): boolean {
  const c = (current ?? {}) as Partial<QuotaStatus>;
  return sameList(c.hard, next.hard) && sameList(c.used, next.used);
}

function sameList(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a ?? {}).length !== keys.length) return false;
  return keys.every((k) => a![k] === b[k]);
}
