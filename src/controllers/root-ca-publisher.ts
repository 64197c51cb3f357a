import { isAlreadyExists, isConflict, isNotFound, objectKey, WorkQueue } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { isNamespaceActive } from './serviceaccount/namespace-state.ts';
import { ROOT_CA_CONFIG_MAP, rootCaConfigMapChange } from './root-ca-publisher/root-ca-config-map.ts';

/**
 * Upstream's root-ca-cert-publisher: every active namespace holds a `kube-root-ca.crt`
 * ConfigMap whose `ca.crt` is the cluster CA, recreated when deleted and rewritten when
 * edited. Keys are namespace names.
 */
export const rootCaPublisherController: Controller = {
  name: 'root-ca-cert-publisher',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const namespaces = ctx.informers.informerFor(resources.namespaces);
    const configMaps = ctx.informers.informerFor(resources.configMaps);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    namespaces.addEventHandler({ onAdd: (ns) => queue.add(ns.metadata.name!), onUpdate: (_, ns) => queue.add(ns.metadata.name!) });
    const onConfigMap = (cm: { metadata: { name?: string; namespace?: string } }) => {
      if (cm.metadata.name === ROOT_CA_CONFIG_MAP && cm.metadata.namespace) queue.add(cm.metadata.namespace);
    };
    configMaps.addEventHandler({ onUpdate: (_, cm) => onConfigMap(cm), onDelete: onConfigMap });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const client = ctx.client(resources.configMaps);
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (namespace) => {
        if (!isNamespaceActive(namespaces.get(namespace))) return;
        const current = configMaps.get(objectKey({ metadata: { namespace, name: ROOT_CA_CONFIG_MAP } }));
        const change = rootCaConfigMapChange({ namespace, rootCaPem: ctx.options.rootCaPem, current });
        if (!change) return;
        try {
          if ('create' in change) await client.create(change.create);
          else await client.update(change.update);
        } catch (e) {
          // Already there or changed meanwhile: the informer's event brings the namespace back.
          // 403: the namespace started terminating after the cache saw it.
          if (isAlreadyExists(e) || isConflict(e) || isNotFound(e) || (e as { code?: number }).code === 403) return;
          throw e;
        }
      },
    });
  },
};
