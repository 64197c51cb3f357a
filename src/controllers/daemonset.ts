import { isNotFound, objectKey, splitObjectKey, WorkQueue, type KubeObject } from '../client/index.ts';
import type { Node } from '../scheduler/types.ts';
import { controllerOf, ownerKey, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { newDaemonPod } from './daemonset/daemon-pod.ts';
import { planDaemonSet } from './daemonset/daemonset-plan.ts';
import type { DaemonSet } from './daemonset/daemonset-types.ts';
import { CONTROLLER_REVISION_HASH_LABEL, revisionHash, templatePatch, type ControllerRevision } from './history/controller-revision.ts';
import { ensureRevision, truncateHistory } from './history/ensure-revision.ts';
import { canonicalJson } from './framework/object-hash.ts';
import { PodExpectations } from './job/pod-expectations.ts';

/**
 * The DaemonSet controller (upstream pkg/controller/daemon): a pod for every eligible node,
 * placed through node affinity for the scheduler to bind, rolled out by revision. Decisions are
 * planDaemonSet's; this file reads caches and writes.
 */
export const daemonSetController: Controller = {
  name: 'daemonset',
  eventSource: 'daemonset-controller',
  async start(ctx, signal) {
    const sets = ctx.informers.informerFor<DaemonSet>(resources.daemonSets);
    const pods = ctx.informers.informerFor(resources.pods);
    const nodes = ctx.informers.informerFor<Node>(resources.nodes);
    const revisions = ctx.informers.informerFor<ControllerRevision>(resources.controllerRevisions);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const expectations = new PodExpectations(() => ctx.clock.now());
    const enqueueSet = (set: KubeObject) => queue.add(objectKey(set));
    const enqueueAll = () => sets.list().forEach(enqueueSet);
    const podChanged = (pod: KubeObject, added = false) => {
      const key = ownerKey(pod, 'DaemonSet');
      if (!key) return;
      if (added) expectations.observedAdd(key);
      if (pod.metadata.deletionTimestamp) expectations.observedDelete(key, pod.metadata.uid!);
      queue.add(key);
    };
    sets.addEventHandler({ onAdd: enqueueSet, onUpdate: (_, s) => enqueueSet(s), onDelete: (s) => expectations.forget(objectKey(s)) });
    pods.addEventHandler({
      onAdd: (p) => podChanged(p, true),
      onUpdate: (_, p) => podChanged(p),
      onDelete: (p) => {
        const key = ownerKey(p, 'DaemonSet');
        if (key) expectations.observedDelete(key, p.metadata.uid!);
        podChanged(p);
      },
    });
    // Node labels, taints and existence decide where daemons run: every set looks again.
    nodes.addEventHandler({ onAdd: enqueueAll, onUpdate: (a, b) => nodeChanged(a, b) && enqueueAll(), onDelete: enqueueAll });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (key) => {
        const set = sets.get(key);
        if (!set?.metadata.uid || set.metadata.deletionTimestamp) return;
        if (!expectations.satisfied(key)) return;
        const { namespace } = splitObjectKey(key);
        const owned = <T extends KubeObject>(list: T[]) => list.filter((o) => controllerOf(o)?.uid === set.metadata.uid);
        const requeueMs = await syncDaemonSet({
          ctx,
          key,
          set,
          nodes: nodes.list(),
          pods: owned(pods.byIndex('namespace', namespace ?? '')),
          revisions: owned(revisions.byIndex('namespace', namespace ?? '')),
          expectations,
        });
        if (requeueMs !== undefined) queue.addAfter(key, requeueMs);
      },
    });
  },
};

function nodeChanged(a: Node, b: Node): boolean {
  return canonicalJson([a.metadata.labels, a.spec]) !== canonicalJson([b.metadata.labels, b.spec]);
}

async function syncDaemonSet(o: {
  ctx: ControllerContext;
  key: string;
  set: DaemonSet;
  nodes: Node[];
  pods: KubeObject[];
  revisions: ControllerRevision[];
  expectations: PodExpectations;
}): Promise<number | undefined> {
  const { ctx, set } = o;
  const revisionClient = ctx.client<ControllerRevision>(resources.controllerRevisions);
  const { revision, collisionCount } = await ensureRevision({
    client: revisionClient,
    parent: set,
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    labels: set.spec.template.metadata?.labels ?? {},
    data: templatePatch(set.spec.template),
    revisions: o.revisions,
    collisionCount: set.status?.collisionCount ?? 0,
  });
  const hash = revisionHash(revision);
  const plan = planDaemonSet({ set, nodes: o.nodes, pods: o.pods, hash, now: ctx.now() });
  const podClient = ctx.client(resources.pods);
  o.expectations.expect(o.key, plan.create.length, plan.delete.map((p) => p.metadata.uid!));
  const failures: unknown[] = [];
  await Promise.all([
    ...plan.create.map(async (nodeName) => {
      try {
        const pod = await podClient.create(newDaemonPod({ set, nodeName, hash }));
        ctx.events.record(set, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (error) {
        o.expectations.observedAdd(o.key);
        ctx.events.record(set, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
        failures.push(error);
      }
    }),
    ...plan.delete.map(async (pod) => {
      try {
        await podClient.delete({ namespace: pod.metadata.namespace, name: pod.metadata.name!, preconditions: { uid: pod.metadata.uid } });
        ctx.events.record(set, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (error) {
        o.expectations.observedDelete(o.key, pod.metadata.uid!);
        if (!isNotFound(error)) {
          ctx.events.record(set, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
          failures.push(error);
        }
      }
    }),
  ]);
  const status = { ...set.status, ...plan.status, ...(collisionCount ? { collisionCount } : {}) };
  if (canonicalJson(status) !== canonicalJson(set.status ?? {})) {
    await ctx.client<DaemonSet>(resources.daemonSets).updateStatus({ ...structuredClone(set), status });
  }
  const live = new Set([revision.metadata.name!, ...o.revisions.filter((r) => o.pods.some((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === revisionHash(r))).map((r) => r.metadata.name!)]);
  await truncateHistory({ client: revisionClient, revisions: o.revisions, live, limit: set.spec.revisionHistoryLimit ?? 10 });
  if (failures.length) throw failures[0];
  const minReady = set.spec.minReadySeconds ?? 0;
  return minReady > 0 && status.numberReady !== status.numberAvailable ? minReady * 1000 : undefined;
}
