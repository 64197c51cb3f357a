import { isAlreadyExists, objectKey, type KubeObject, WorkQueue } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { DEFAULT_SERVICE_ACCOUNT, defaultServiceAccount } from './serviceaccount/default-service-account.ts';
import { isNamespaceActive } from './serviceaccount/namespace-state.ts';

/**
 * Upstream's serviceaccounts controller: every active namespace has a `default`
 * ServiceAccount, created when a namespace appears and again whenever it is deleted.
 * Keys are namespace names.
 */
export const serviceAccountController: Controller = {
  name: 'serviceaccount',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const namespaces = ctx.informers.informerFor(resources.namespaces);
    const accounts = ctx.informers.informerFor(resources.serviceAccounts);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    namespaces.addEventHandler({ onAdd: (ns) => queue.add(ns.metadata.name!), onUpdate: (_, ns) => queue.add(ns.metadata.name!) });
    accounts.addEventHandler({
      onDelete: (sa) => {
        if (sa.metadata.name === DEFAULT_SERVICE_ACCOUNT && sa.metadata.namespace) queue.add(sa.metadata.namespace);
      },
    });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const client = ctx.client(resources.serviceAccounts);
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (namespace) => {
        if (!isNamespaceActive(namespaces.get(namespace))) return;
        if (accounts.get(objectKey({ metadata: { namespace, name: DEFAULT_SERVICE_ACCOUNT } }))) return;
        try {
          await client.create(defaultServiceAccount(namespace) as KubeObject);
        } catch (e) {
          // A terminating namespace refuses new objects (403 Forbidden): nothing left to do there.
          if (isAlreadyExists(e) || (e as { code?: number }).code === 403) return;
          throw e;
        }
      },
    });
  },
};
