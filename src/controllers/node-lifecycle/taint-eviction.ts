import { isNotFound, objectKey, WorkQueue, type KubeObject } from '../../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from '../framework/index.ts';
import { addPodsByNodeIndex, PODS_BY_NODE_INDEX } from '../node-lifecycle.ts';
import { earliestNoExecuteTaint, evictionTime, type Taint, type Toleration } from './taints.ts';

function noExecuteTaints(node: KubeObject | undefined): Taint[] {
  return (((node?.spec as { taints?: Taint[] } | undefined)?.taints) ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * Upstream's taint eviction controller (the NoExecute taint manager): a pod on a node with
 * NoExecute taints it does not tolerate is deleted; one that tolerates them for
 * tolerationSeconds is deleted that long after the taint appeared (its timeAdded, so a
 * restarted controller keeps the same deadline); removing the taint in time cancels it.
 * TaintManagerEviction events tell both stories. Keys are pod keys.
 */
export const taintEvictionController: Controller = {
  name: 'taint-eviction-controller',
  eventSource: 'taint-eviction-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const nodes = ctx.informers.informerFor(resources.nodes);
    const pods = ctx.informers.informerFor(resources.pods);
    addPodsByNodeIndex(pods);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    // Deletions too, so a pending eviction of a pod that went away is forgotten.
    pods.addEventHandler({ onAdd: (p) => queue.add(objectKey(p)), onUpdate: (_, p) => queue.add(objectKey(p)), onDelete: (p) => queue.add(objectKey(p)) });
    const onNode = (before: KubeObject | undefined, after: KubeObject) => {
      if (JSON.stringify(noExecuteTaints(before)) === JSON.stringify(noExecuteTaints(after))) return;
      for (const p of pods.byIndex(PODS_BY_NODE_INDEX, after.metadata.name!)) queue.add(objectKey(p));
    };
    nodes.addEventHandler({ onAdd: (n) => onNode(undefined, n), onUpdate: onNode });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    /** Pods with an eviction pending, and since when they were seen tainted when no taint carries a time. */
    const pending = new Map<string, number>();
    const client = ctx.client(resources.pods);
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (key) => {
        const pod = pods.get(key);
        const nodeName = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
        const taints = pod && !pod.metadata.deletionTimestamp && nodeName ? noExecuteTaints(nodes.get(nodeName)) : [];
        const tolerations = ((pod?.spec as { tolerations?: Toleration[] } | undefined)?.tolerations) ?? [];
        const nowMs = ctx.now().getTime();
        const since = earliestNoExecuteTaint(taints) ?? pending.get(key) ?? nowMs;
        const when = evictionTime({ taints, tolerations, taintedSince: since });
        if (when.at === 'never') {
          if (pending.delete(key) && pod && !pod.metadata.deletionTimestamp) {
            ctx.events.record({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
          }
          return;
        }
        if (when.at !== 'now' && when.at > nowMs) {
          pending.set(key, since);
          queue.addAfter(key, when.at - nowMs);
          return;
        }
        pending.delete(key);
        await evict(ctx, client, pod!, key);
      },
    });
  },
};

async function evict(ctx: ControllerContext, client: ReturnType<ControllerContext['client']>, pod: KubeObject, key: string): Promise<void> {
  ctx.events.record({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
  const now = ctx.now().toISOString().replace(/\.\d+Z$/, 'Z');
  const status = structuredClone((pod.status ?? {}) as { conditions?: { type: string }[] });
  // As upstream: a DisruptionTarget condition first, so owners (Jobs with pod failure policies) know why.
  status.conditions = [
    ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: now } as { type: string },
  ];
  try {
    await client.patch({ namespace: pod.metadata.namespace, name: pod.metadata.name!, type: 'merge', subresource: 'status', patch: { status: { conditions: status.conditions } } });
    await client.delete({ namespace: pod.metadata.namespace, name: pod.metadata.name!, preconditions: { uid: pod.metadata.uid } });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
