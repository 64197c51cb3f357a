import { NAMESPACE_INDEX, WorkQueue, isNotFound, objectKey, type Informer, type KubeObject } from '../client/index.ts';
import { controllerOf, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { ExpectedScaleError, expectedPodCount, type ScaleOfController } from './disruption/expected-count.ts';
import { failSafeStatus, pdbStatus, pdbStatusChanged } from './disruption/pdb-status.ts';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from './disruption/types.ts';
import { metaTime } from './replicaset/meta-time.ts';
import { selectorMatches } from '../selectors/label-selector-match.ts';

type Scaled = KubeObject & { spec?: { replicas?: number } };

/**
 * The disruption controller (pkg/controller/disruption): writes each PodDisruptionBudget's
 * status (healthy, desired and expected pods, disruptionsAllowed, the DisruptionAllowed
 * condition) from the pods its selector matches, so the eviction subresource can enforce it.
 */
export const disruptionController: Controller = {
  name: 'disruption',
  // Upstream's disruption controller records events as `controllermanager`.
  eventSource: 'controllermanager',
  async start(ctx, signal) {
    const sync = new DisruptionSync(ctx);
    sync.register();
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({ queue: sync.queue, workers: ctx.options.workers, reconcile: (key) => sync.reconcile(key), signal });
  },
};

class DisruptionSync {
  readonly queue: WorkQueue<string>;
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly pods: Informer<KubeObject>;
  private readonly scaled: Record<string, Informer<Scaled>>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue<string>({ clock: ctx.clock });
    this.pdbs = ctx.informers.informerFor<PodDisruptionBudget>(resources.podDisruptionBudgets);
    this.pods = ctx.informers.informerFor<KubeObject>(resources.pods);
    this.scaled = {
      ReplicaSet: ctx.informers.informerFor<Scaled>(resources.replicaSets),
      Deployment: ctx.informers.informerFor<Scaled>(resources.deployments),
      StatefulSet: ctx.informers.informerFor<Scaled>(resources.statefulSets),
      ReplicationController: ctx.informers.informerFor<Scaled>(resources.replicationControllers),
    };
  }

  /** Handlers only enqueue: a budget on its own events, every budget covering a pod on the pod's. */
  register(): void {
    const enqueue = (pdb: PodDisruptionBudget) => this.queue.add(objectKey(pdb));
    this.pdbs.addEventHandler({ onAdd: enqueue, onUpdate: (_old, pdb) => enqueue(pdb), onDelete: () => {} });
    this.pods.addEventHandler({
      onAdd: (pod) => this.enqueueCovering(pod),
      onUpdate: (old, pod) => {
        this.enqueueCovering(pod);
        if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) this.enqueueCovering(old);
      },
      onDelete: (pod) => this.enqueueCovering(pod),
    });
    // A scale change moves the expected count of every budget in the namespace that uses it.
    for (const informer of Object.values(this.scaled)) {
      const all = (obj: KubeObject) => this.enqueueNamespace(obj.metadata.namespace ?? '');
      informer.addEventHandler({ onAdd: all, onUpdate: (_o, obj) => all(obj), onDelete: all });
    }
  }

  private enqueueCovering(pod: KubeObject): void {
    for (const pdb of this.pdbs.byIndex(NAMESPACE_INDEX, pod.metadata.namespace ?? '')) {
      if (selectorMatches(pdb.spec?.selector, pod.metadata.labels)) this.queue.add(objectKey(pdb));
    }
  }

  private enqueueNamespace(namespace: string): void {
    for (const pdb of this.pdbs.byIndex(NAMESPACE_INDEX, namespace)) this.queue.add(objectKey(pdb));
  }

  async reconcile(key: string): Promise<void> {
    const pdb = this.pdbs.get(key);
    if (!pdb) return;
    const namespace = pdb.metadata.namespace ?? '';
    // policy/v1: a missing selector matches nothing, an empty one every pod in the namespace.
    const pods = this.pods.byIndex(NAMESPACE_INDEX, namespace).filter((p) => selectorMatches(pdb.spec?.selector, p.metadata.labels));
    if (pods.length === 0) this.ctx.events.record(pdb, 'Normal', 'NoPods', 'No matching pods found');
    const now = this.ctx.now();
    const stamp = metaTime(now);
    let status: PodDisruptionBudgetStatus;
    let recheckAtMs: number | undefined;
    try {
      const expected = expectedPodCount(pdb, pods, this.scaleOf);
      const result = pdbStatus({ pdb, pods, expected, now, stamp });
      for (const name of result.notDeleted) this.ctx.events.record(pdb, 'Warning', 'NotDeleted', `Pod ${namespace}/${name} was expected to be deleted but it wasn't`);
      status = result.status;
      recheckAtMs = result.recheckAtMs;
    } catch (e) {
      if (!(e instanceof ExpectedScaleError)) throw e;
      this.ctx.events.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${e.message}`);
      status = failSafeStatus({ pdb, message: e.message, stamp });
    }
    if (pdbStatusChanged(pdb.status, status)) await this.writeStatus(pdb, status);
    if (recheckAtMs !== undefined) this.queue.addAfter(key, Math.max(0, recheckAtMs - now.getTime()));
  }

  /**
   * A full status update at the cached resourceVersion (not a merge patch: entries leave the
   * disruptedPods map). A conflict with an eviction's decrement throws and requeues.
   */
  private async writeStatus(pdb: PodDisruptionBudget, status: PodDisruptionBudgetStatus): Promise<void> {
    try {
      await this.ctx.client<PodDisruptionBudget>(resources.podDisruptionBudgets).updateStatus({ ...pdb, apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', status });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** Upstream's finders: ReplicaSet (or its Deployment), StatefulSet, ReplicationController, matched by UID. */
  private readonly scaleOf: ScaleOfController = (namespace, ref) => {
    const owner = this.scaled[ref.kind]?.get(`${namespace}/${ref.name}`);
    if (!owner || owner.metadata.uid !== ref.uid || ref.kind === 'Deployment') return undefined;
    if (ref.kind === 'ReplicaSet') {
      const parent = controllerOf(owner);
      if (parent?.kind === 'Deployment') {
        const deployment = this.scaled.Deployment.get(`${namespace}/${parent.name}`);
        if (deployment && deployment.metadata.uid === parent.uid) return { uid: parent.uid, replicas: deployment.spec?.replicas ?? 1 };
      }
    }
    return { uid: ref.uid, replicas: owner.spec?.replicas ?? 1 };
  };
}
