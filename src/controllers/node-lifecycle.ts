import { isConflict, isNotFound, objectKey, WorkQueue, type Informer, type KubeObject } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { conditionTaints } from './node-lifecycle/condition-taints.ts';
import { conditionStatus, silentNodeConditions, type NodeCondition } from './node-lifecycle/node-conditions.ts';
import { NodeHealthTracker } from './node-lifecycle/node-health.ts';
import { podStatusMarkedNotReady } from './node-lifecycle/pod-not-ready.ts';
import type { Taint } from './node-lifecycle/taints.ts';

export const PODS_BY_NODE_INDEX = 'node-lifecycle:spec.nodeName';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/**
 * Upstream's node lifecycle controller (monitorNodeHealth, TaintNodesByCondition and the
 * NoExecute tainting pass): every --node-monitor-period each node is checked; one whose Lease
 * was not renewed and whose Ready heartbeat did not move for --node-monitor-grace-period gets
 * its kubelet conditions set to Unknown. Its taints follow its conditions (unreachable or
 * not-ready, NoSchedule and NoExecute; pressure and unschedulable NoSchedule), and pods on a
 * node that is not Ready are marked not ready. Keys are node names.
 */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle',
  eventSource: 'node-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const nodes = ctx.informers.informerFor(resources.nodes);
    const leases = ctx.informers.informerFor(resources.leases);
    const pods = ctx.informers.informerFor(resources.pods);
    addPodsByNodeIndex(pods);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    nodes.addEventHandler({ onAdd: (n) => queue.add(n.metadata.name!), onUpdate: (_, n) => queue.add(n.metadata.name!), onDelete: (n) => queue.add(n.metadata.name!) });
    const onLease = (l: KubeObject) => {
      if (l.metadata.namespace === NODE_LEASE_NAMESPACE) queue.add(l.metadata.name!);
    };
    leases.addEventHandler({ onAdd: onLease, onUpdate: (_, l) => onLease(l) });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const monitor = new NodeMonitor(ctx, { nodes, leases, pods });
    const tick = () => {
      if (signal.aborted) return;
      for (const n of nodes.list()) queue.add(n.metadata.name!);
      ctx.clock.setTimer(ctx.options.nodeMonitorPeriodMs, tick);
    };
    tick();
    await runWorkers({ queue, workers: ctx.options.workers, signal, reconcile: (name) => monitor.sync(name) });
  },
};

/** Pods indexed by the node they are bound to, shared with the taint eviction controller. */
export function addPodsByNodeIndex(pods: Informer<KubeObject>): void {
  try {
    pods.addIndexer(PODS_BY_NODE_INDEX, (p) => {
      const node = (p.spec as { nodeName?: string } | undefined)?.nodeName;
      return node ? [node] : [];
    });
  } catch {
    // Already added by the other controller sharing the informer.
  }
}

class NodeMonitor {
  private readonly health = new NodeHealthTracker();
  private readonly lastReady = new Map<string, string | undefined>();
  /** Nodes this process has seen, by name, with their uid (for the event when one goes). */
  private readonly known = new Map<string, string | undefined>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly caches: { nodes: Informer<KubeObject>; leases: Informer<KubeObject>; pods: Informer<KubeObject> },
  ) {}

  async sync(name: string): Promise<void> {
    let node = this.caches.nodes.get(name);
    if (!node) {
      this.health.forget(name);
      this.lastReady.delete(name);
      this.recordMembership(name, undefined);
      return;
    }
    this.recordMembership(name, node.metadata.uid);
    const now = this.stamp();
    const status = (node.status ?? {}) as { conditions?: NodeCondition[] };
    const lease = this.caches.leases.get(objectKey({ metadata: { namespace: NODE_LEASE_NAMESPACE, name } }));
    const silentFor = this.health.observe({
      name,
      conditions: status.conditions ?? [],
      leaseRenewTime: (lease?.spec as { renewTime?: string } | undefined)?.renewTime,
      nowMs: this.ctx.clock.now(),
    });
    if (silentFor > this.ctx.options.nodeMonitorGracePeriodMs) {
      const silent = silentNodeConditions({ conditions: status.conditions ?? [], now, createdAt: String(node.metadata.creationTimestamp ?? now) });
      if (silent.changed) {
        const copy = structuredClone(node);
        copy.status = { ...(copy.status as object), conditions: silent.conditions };
        node = await this.ctx.client(resources.nodes).updateStatus(copy);
      }
    }
    const conditions = ((node.status ?? {}) as { conditions?: NodeCondition[] }).conditions ?? [];
    this.recordReadyChange(node, conditionStatus(conditions, 'Ready'));
    await this.updateTaints(node, conditions, now);
    if (conditionStatus(conditions, 'Ready') !== 'True' && conditions.some((c) => c.type === 'Ready')) await this.markPodsNotReady(name, now);
  }

  /**
   * As upstream's monitorNodeHealth: a node first seen by this controller gets a RegisteredNode
   * event and a deleted one RemovingNode, worded as nodeutil.RecordNodeEvent words them
   * ("Node n1 event: Registered Node n1 in Controller"). Like upstream, a restarted controller
   * registers every node again.
   */
  private recordMembership(name: string, uid: string | undefined): void {
    const had = this.known.has(name);
    if (uid !== undefined && had) return;
    if (uid === undefined && !had) return;
    const ref = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: uid ?? this.known.get(name) } };
    if (uid !== undefined) {
      this.known.set(name, uid);
      this.ctx.events.record(ref, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
    } else {
      this.known.delete(name);
      this.ctx.events.record(ref, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
    }
  }

  /** As upstream: an event when a node that was Ready stops being so (NodeReady is the kubelet's to record). */
  private recordReadyChange(node: KubeObject, ready: string | undefined): void {
    const name = node.metadata.name!;
    const had = this.lastReady.has(name);
    const before = this.lastReady.get(name);
    this.lastReady.set(name, ready);
    if (!had || before === ready) return;
    const ref = { ...node, apiVersion: 'v1', kind: 'Node' };
    if (before === 'True') this.ctx.events.record(ref, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  }

  private async updateTaints(node: KubeObject, conditions: NodeCondition[], now: string): Promise<void> {
    const spec = (node.spec ?? {}) as { taints?: Taint[]; unschedulable?: boolean };
    const { taints, changed } = conditionTaints({ taints: spec.taints ?? [], conditions, unschedulable: spec.unschedulable === true, now });
    if (!changed) return;
    try {
      // The resourceVersion makes the list replacement conditional: a taint added meanwhile is not lost.
      await this.ctx.client(resources.nodes).patch({
        name: node.metadata.name!,
        type: 'merge',
        patch: { metadata: { resourceVersion: node.metadata.resourceVersion }, spec: { taints: taints.length > 0 ? taints : null } },
      });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  private async markPodsNotReady(nodeName: string, now: string): Promise<void> {
    const client = this.ctx.client(resources.pods);
    for (const pod of this.caches.pods.byIndex(PODS_BY_NODE_INDEX, nodeName)) {
      const status = podStatusMarkedNotReady(pod, now);
      if (!status) continue;
      const copy = structuredClone(pod);
      copy.status = status;
      try {
        await client.updateStatus(copy);
        this.ctx.events.record({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Warning', 'NodeNotReady', 'Node is not ready');
      } catch (e) {
        if (!isNotFound(e) && !isConflict(e)) throw e;
      }
    }
  }

  private stamp(): string {
    return this.ctx.now().toISOString().replace(/\.\d+Z$/, 'Z');
  }
}
