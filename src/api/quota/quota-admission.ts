import { prefixOf } from '../storage/keys.ts';
import type { WriteHook } from '../handlers/deps.ts';
import type { WatchCache } from '../storage/watch-cache.ts';
import type { KubeObject } from '../meta/object.ts';
import { errors } from '../errors.ts';
import { parseQuantity } from '../../quantity/quantity.ts';
import { namespaceUsage, objectUsage } from '../../quota/object-usage.ts';
import { missingComputeSpecification } from '../../quota/pod-constraints.ts';
import { addQuantities, addUsage, maskUsage, prettyPrintUsage, subtractNonNegative, zeroQuantity, type Usage } from '../../quota/quantities.ts';
import { trackedResourceOf } from '../../quota/tracked-resources.ts';

interface QuotaShape {
  spec?: { hard?: Record<string, string>; scopes?: string[]; scopeSelector?: unknown };
}

/** One admitted write not yet in the cache: what it charges each quota, keyed by quota key. */
interface Reservation {
  namespace: string;
  charges: Map<string, Usage>;
}

/**
 * ResourceQuota admission (upstream's apiserver admission/plugin/resourcequota): a create or
 * update that would take a namespace's usage of any quota-tracked resource past a quota's
 * hard limit is refused with 403 `exceeded quota: ...`; a pod that leaves out a cpu/memory
 * request or limit a quota tracks is refused with `failed quota: ...: must specify ...`.
 * Usage is counted from the watch cache at write time, plus the writes admitted but not yet
 * landed, so it is exact without waiting for the quota controller's status.
 * Registered under `*` so every resource's `count/` form is enforced.
 */
export function quotaAdmissionHook(opts: { cache: WatchCache; now: () => Date }): WriteHook {
  const pending = new Set<Reservation>();
  return ({ obj, old, resource }) => {
    const namespace = obj.metadata?.namespace;
    if (!namespace) return () => {};
    const quotas = opts.cache.list(prefixOf('resourcequotas'), prefixOf('resourcequotas', namespace));
    if (quotas.length === 0) return () => {};
    const now = opts.now();
    const name = obj.metadata.name ?? '';
    const forbidden = (why: string) => errors.forbidden(`${resource} "${name}" is forbidden: ${why}`, { name, group: groupOf(resource), kind: kindOf(resource) });
    const requested = requestedUsage({ resource, obj, old, now });
    const reservation: Reservation = { namespace, charges: new Map() };
    for (const cached of quotas) {
      const quota = cached.obj as KubeObject & QuotaShape;
      // Scoped quotas (Terminating, BestEffort, PriorityClass) are not matched yet: leave them out rather than over-charge.
      if (quota.spec?.scopes?.length || quota.spec?.scopeSelector) continue;
      const hard = quota.spec?.hard ?? {};
      const tracked = Object.keys(hard).filter((n) => trackedResourceOf(n) === resource);
      if (tracked.length === 0) continue;
      if (resource === 'pods') {
        const missing = missingComputeSpecification(obj, tracked);
        if (missing) throw forbidden(`failed quota: ${quota.metadata.name}: ${missing}`);
      }
      const charge = nonZero(maskUsage(requested, tracked));
      if (charge.size === 0) continue;
      const used = namespaceUsage({ names: tracked, objectsOf: (r) => objectsIn(opts.cache, r, namespace), now });
      for (const r of pending) {
        const earlier = r.charges.get(cached.key);
        if (earlier) addUsage(used, earlier);
      }
      const exceeded = [...charge.keys()].filter((n) => addQuantities(used.get(n) ?? zeroQuantity, charge.get(n)!).compare(parseQuantity(hard[n]!)) > 0);
      if (exceeded.length > 0) {
        throw forbidden(
          `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrintUsage(maskUsage(charge, exceeded))}, used: ${prettyPrintUsage(maskUsage(used, exceeded))}, limited: ${prettyPrintUsage(hardUsage(hard, exceeded))}`,
        );
      }
      reservation.charges.set(cached.key, charge);
    }
    if (reservation.charges.size === 0) return () => {};
    // Held until the write lands (the cache then holds the object) or fails, so that two
    // writes admitted together cannot both take the last unit.
    pending.add(reservation);
    return () => pending.delete(reservation);
  };
}

/** What the write adds: the new object's usage, less the old one's on update (never negative), as upstream. */
function requestedUsage(opts: { resource: string; obj: KubeObject; old?: KubeObject; now: Date }): Usage {
  const usage = objectUsage({ resource: opts.resource, obj: opts.obj, now: opts.now });
  if (!opts.old) return usage;
  const before = objectUsage({ resource: opts.resource, obj: opts.old, now: opts.now });
  const delta: Usage = new Map();
  for (const [n, q] of usage) delta.set(n, subtractNonNegative(q, before.get(n) ?? zeroQuantity));
  return delta;
}

function nonZero(usage: Usage): Usage {
  return new Map([...usage].filter(([, q]) => !q.isZero()));
}

function hardUsage(hard: Record<string, string>, names: string[]): Usage {
  return new Map(names.map((n) => [n, parseQuantity(hard[n]!)]));
}

/** The namespace's objects of a qualified resource. */
function objectsIn(cache: WatchCache, resource: string, namespace: string): KubeObject[] {
  return cache.list(prefixOf(resource), prefixOf(resource, namespace)).map((c) => c.obj);
}

function groupOf(resource: string): string | undefined {
  const dot = resource.indexOf('.');
  return dot < 0 ? undefined : resource.slice(dot + 1);
}

function kindOf(resource: string): string {
  const dot = resource.indexOf('.');
  return dot < 0 ? resource : resource.slice(0, dot);
}
