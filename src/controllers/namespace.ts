import { apiErrorFrom, isConflict, isNotFound, resourcePath, WorkQueue, type KubeObject } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { deleteNamespaceContent } from './namespace/content-deleter.ts';
import { namespaceDeletionConditions, type NamespaceCondition } from './namespace/deletion-conditions.ts';
import { finalizersAfterCleanup } from './namespace/remaining-content.ts';

/**
 * Upstream waits this long after a namespace event before working on it, so that objects
 * created at the last moment are seen by the content pass (namespaceDeletionGracePeriod).
 */
const NAMESPACE_DELETION_GRACE_MS = 5_000;
/** Content left without a graceful deletion to wait for (finalizers): look again after this. */
const REMAINING_RECHECK_MS = 5_000;

interface NamespaceSpec {
  finalizers?: string[];
}

/**
 * Upstream's namespace controller: a namespace with a deletionTimestamp is emptied of every
 * namespaced object, its status conditions tell what is left, and once nothing remains the
 * `kubernetes` finalizer is removed through /finalize, after which the API deletes it.
 */
export const namespaceController: Controller = {
  name: 'namespace',
  eventSource: 'namespace-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const namespaces = ctx.informers.informerFor(resources.namespaces);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const enqueue = (ns: KubeObject) => {
      if (ns.metadata.deletionTimestamp) queue.addAfter(ns.metadata.name!, NAMESPACE_DELETION_GRACE_MS);
    };
    namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_, ns) => enqueue(ns) });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const sync = new NamespaceSync(ctx, signal);
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (name) => {
        const ns = namespaces.get(name);
        if (!ns?.metadata.deletionTimestamp) return;
        const wait = await sync.run(ns);
        if (wait !== undefined) queue.addAfter(name, wait);
      },
    });
  },
};

class NamespaceSync {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly signal: AbortSignal,
  ) {}

  /** One pass; answers how long to wait before the next one when content remains. */
  async run(ns: KubeObject): Promise<number | undefined> {
    const spec = (ns.spec ?? {}) as NamespaceSpec;
    if (!(spec.finalizers ?? []).includes('kubernetes')) {
      // Finalized already but still here (a crash between finalize and delete): finish the delete.
      if ((spec.finalizers ?? []).length === 0 && !((ns.metadata.finalizers as string[] | undefined)?.length)) await this.deleteNamespace(ns);
      return undefined;
    }
    const pass = await deleteNamespaceContent({ transport: this.ctx.transport, namespace: ns.metadata.name!, now: this.ctx.now, signal: this.signal });
    await this.updateStatus(ns, pass);
    if (pass.discoveryErrors.length > 0 || pass.deleteErrors.length > 0) {
      throw new Error(`namespace ${ns.metadata.name}: ${[...pass.discoveryErrors, ...pass.deleteErrors].join('; ')}`);
    }
    if (pass.remaining > 0) return pass.estimateSeconds > 0 ? pass.estimateSeconds * 1000 : REMAINING_RECHECK_MS;
    await this.finalize(ns, finalizersAfterCleanup(spec.finalizers));
    return undefined;
  }

  private async updateStatus(ns: KubeObject, pass: Parameters<typeof namespaceDeletionConditions>[0]['outcome']): Promise<void> {
    const status = (ns.status ?? {}) as { phase?: string; conditions?: NamespaceCondition[] };
    const now = this.ctx.now().toISOString().replace(/\.\d+Z$/, 'Z');
    const { conditions, changed } = namespaceDeletionConditions({ current: status.conditions ?? [], outcome: pass, now });
    if (!changed && status.phase === 'Terminating') return;
    const copy = structuredClone(ns);
    copy.status = { ...status, phase: 'Terminating', conditions };
    try {
      await this.ctx.client(resources.namespaces).updateStatus(copy);
    } catch (e) {
      // A newer namespace is on its way through the informer; the next pass writes again.
      if (isConflict(e) || isNotFound(e)) return;
      throw e;
    }
  }

  private async finalize(ns: KubeObject, finalizers: string[]): Promise<void> {
    const copy = structuredClone(ns);
    copy.spec = { ...((copy.spec as object) ?? {}), finalizers };
    const response = await this.ctx.transport.request({
      method: 'PUT',
      path: `${resourcePath(resources.namespaces, { name: ns.metadata.name! })}/finalize`,
      body: copy,
      signal: this.signal,
    });
    if (response.ok || response.status === 404) return void (await response.body?.cancel());
    throw await apiErrorFrom(response);
  }

  private async deleteNamespace(ns: KubeObject): Promise<void> {
    try {
      await this.ctx.client(resources.namespaces).delete({ name: ns.metadata.name!, preconditions: { uid: ns.metadata.uid } });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }
}
