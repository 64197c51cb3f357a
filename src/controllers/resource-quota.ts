import { NAMESPACE_INDEX, isConflict, isNotFound, objectKey, WorkQueue, type Informer, type KubeObject, type ResourceType } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { quotaStatus, sameQuotaStatus } from './resource-quota/quota-status.ts';

const resourceQuotas: ResourceType = { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true };

/** Events and leases change constantly and are not worth a quota pass each. */
const uncounted = new Set(['events', 'leases.coordination.k8s.io']);

function qualified(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/**
 * Upstream's resource quota controller (pkg/controller/resourcequota): keeps each quota's
 * status.hard equal to spec.hard and status.used equal to the namespace's usage. Keys are
 * `namespace/name` of quotas; any change to a counted object requeues the quotas of its
 * namespace. Counts the namespaced resources the controllers' informers know (see
 * framework/resources.ts); admission enforces every `count/` form regardless.
 */
export const resourceQuotaController: Controller = {
  name: 'resourcequota',
  eventSource: 'resource-quota-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const quotas = ctx.informers.informerFor(resourceQuotas);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const counted = new Map<string, Informer<KubeObject>>();
    for (const type of Object.values(resources) as ResourceType[]) {
      if (!type.namespaced || uncounted.has(qualified(type))) continue;
      counted.set(qualified(type), ctx.informers.informerFor(type));
    }
    counted.set('resourcequotas', quotas);
    const enqueueNamespace = (obj: KubeObject) => {
      for (const q of quotas.byIndex(NAMESPACE_INDEX, obj.metadata.namespace ?? '')) queue.add(objectKey(q));
    };
    quotas.addEventHandler({ onAdd: (q) => queue.add(objectKey(q)), onUpdate: (_, q) => queue.add(objectKey(q)), onDelete: enqueueNamespace });
    for (const [name, informer] of counted) {
      if (name === 'resourcequotas') continue;
      informer.addEventHandler({ onAdd: enqueueNamespace, onUpdate: (_, o) => enqueueNamespace(o), onDelete: enqueueNamespace });
    }
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const client = ctx.client(resourceQuotas);
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (key) => {
        const quota = quotas.get(key);
        if (!quota) return;
        const namespace = quota.metadata.namespace ?? '';
        const status = quotaStatus({
          quota,
          objectsOf: (resource) => counted.get(resource)?.byIndex(NAMESPACE_INDEX, namespace) ?? [],
          canCount: (resource) => counted.has(resource),
          now: ctx.now(),
        });
        if (sameQuotaStatus(quota.status, status)) return;
        try {
          await client.updateStatus({ ...quota, status: { ...(quota.status as object | undefined), ...status } });
        } catch (e) {
          // Gone, or changed meanwhile: the informer's event brings the quota back.
          if (isNotFound(e) || isConflict(e)) return;
          throw e;
        }
      },
    });
  },
};
