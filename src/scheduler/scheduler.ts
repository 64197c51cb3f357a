/**
 * The scheduler's run loop (upstream's scheduleOne): pending pods from a shared pod
 * informer go through the priority queue; each decision is made by the pure schedulePod
 * over the cache, the pod is assumed on its node at once, and bound through the API with
 * several bindings in flight. Pods that fit nowhere get preemption, a PodScheduled=False
 * condition and a FailedScheduling event, and wait for a cluster event or the periodic flush.
 */
import { apiErrorFrom, isConflict, isNotFound } from '../client/api-error.ts';
import { ResourceClient } from '../client/client.ts';
import { systemClock, type Clock } from '../client/clock.ts';
import type { Informer } from '../client/informer.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { KubeObject } from '../client/object.ts';
import type { Transport } from '../client/transport.ts';
import { fitErrorMessage, type Diagnosis } from './diagnosis.ts';
import { EventRecorder } from '../client/index.ts';
import { newPodInfo, type PodInfo } from './pod-info.ts';
import { preempt } from './preemption.ts';
import { defaultProfile, type Profile } from './registry.ts';
import { schedulePod } from './schedule-pod.ts';
import { SchedulerCache } from './scheduler-cache.ts';
import { SchedulingQueue, type QueuedPod } from './scheduling-queue.ts';
import type { Node, Pod, PodCondition } from './types.ts';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const NODES = { group: '', version: 'v1', resource: 'nodes', namespaced: false };
const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces', namespaced: false };

export interface SchedulerOptions {
  transport: Transport;
  /** Shared with the controllers in the server; a private one is made otherwise. */
  informers?: SharedInformerFactory;
  profile?: Profile;
  clock?: Clock;
  random?: () => number;
  /** Bindings in flight at most (default 16). */
  bindConcurrency?: number;
  /** Event writes in flight at most (default 4). */
  eventConcurrency?: number;
  /** Upstream's podMaxInUnschedulablePodsDuration (default 5 minutes). */
  maxUnschedulableMs?: number;
  onError?: (error: unknown) => void;
}

export class Scheduler {
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  private readonly profile: Profile;
  private readonly clock: Clock;
  private readonly informers: SharedInformerFactory;
  private readonly ownsInformers: boolean;
  private readonly events: EventRecorder;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly namespaces: Informer<KubeObject>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly stopping = new AbortController();
  private readonly bindSlots: (() => void)[] = [];
  private bindsInFlight = 0;
  private loop?: Promise<void>;
  /** Counters for benchmarks and tests. */
  readonly stats = { bound: 0, bindFailures: 0, unschedulableAttempts: 0 };
  private cancelTicker?: () => void;

  constructor(private readonly options: SchedulerOptions) {
    this.profile = options.profile ?? defaultProfile;
    this.clock = options.clock ?? systemClock;
    this.ownsInformers = !options.informers;
    this.informers = options.informers ?? new SharedInformerFactory({ transport: options.transport, clock: this.clock, onError: options.onError });
    this.pods = this.informers.informerFor<Pod>(PODS);
    this.nodes = this.informers.informerFor<Node>(NODES);
    this.namespaces = this.informers.informerFor<KubeObject>(NAMESPACES);
    this.cache = new SchedulerCache((ns) => this.namespaces.get(ns)?.metadata.labels);
    this.queue = new SchedulingQueue({ clock: this.clock, maxUnschedulableMs: options.maxUnschedulableMs });
    this.events = new EventRecorder({ transport: options.transport, component: this.profile.schedulerName, onError: options.onError, concurrency: options.eventConcurrency });
    this.podClient = new ResourceClient<Pod>({ transport: options.transport, type: PODS });
  }

  /** Starts the informers and the loop; resolves once the caches are synced and scheduling runs. */
  async start(signal?: AbortSignal): Promise<void> {
    signal?.addEventListener('abort', () => void this.stop(), { once: true });
    this.nodes.addEventHandler({
      onAdd: (n) => this.onNode(n),
      onUpdate: (old, n) => this.onNode(n, old),
      onDelete: (n) => this.cache.removeNode(n.metadata.name ?? ''),
    });
    this.pods.addEventHandler({
      onAdd: (p) => this.onPod(p),
      onUpdate: (old, p) => this.onPod(p, old),
      onDelete: (p) => this.onPodDelete(p),
    });
    this.informers.start(this.stopping.signal);
    if (!(await this.informers.waitForCacheSync(this.stopping.signal))) throw new Error('the scheduler stopped before its caches synced');
    this.tick();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.cancelTicker?.();
    this.queue.close();
    await this.loop;
    await this.events.flush();
    if (this.ownsInformers) await this.informers.stop();
  }

  /** Resolves once the queued events are written (tests and benchmarks). */
  flushEvents(): Promise<void> {
    return this.events.flush();
  }

  private tick(): void {
    this.queue.flush();
    this.cancelTicker = this.clock.setTimer(1_000, () => this.tick());
  }

  private responsibleFor(pod: Pod): boolean {
    const name = pod.spec.schedulerName || 'default-scheduler';
    const phase = pod.status?.phase;
    return name === this.profile.schedulerName && !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed' && !(pod.spec.schedulingGates?.length);
  }

  private podInfo(pod: Pod): PodInfo {
    // spec.priority comes from the API's Priority admission at create.
    return newPodInfo(pod);
  }

  private onNode(node: Node, old?: Node): void {
    this.cache.setNode(node);
    // Heartbeats change only conditions: they cannot make a pod fit, so they move nothing.
    if (!old || schedulingView(old) !== schedulingView(node)) this.queue.moveAllToActiveOrBackoff();
  }

  private onPod(pod: Pod, old?: Pod): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const phase = pod.status?.phase;
    if (pod.spec.nodeName) {
      this.queue.delete(key);
      if (phase === 'Succeeded' || phase === 'Failed') {
        this.cache.removePod(key);
        this.queue.moveAllToActiveOrBackoff();
        return;
      }
      this.cache.addOrUpdatePod(this.podInfo(pod), pod.spec.nodeName);
      if (!old?.spec.nodeName || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) this.queue.moveAllToActiveOrBackoff();
      return;
    }
    if (!this.responsibleFor(pod)) return this.queue.delete(key);
    if (this.cache.isAssumed(key)) return; // its binding is in flight
    this.queue.add(this.podInfo(pod));
  }

  private onPodDelete(pod: Pod): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.queue.delete(key);
    this.cache.clearNomination(key);
    if (pod.spec.nodeName) {
      this.cache.removePod(key);
      this.queue.moveAllToActiveOrBackoff();
    }
  }

  private async run(): Promise<void> {
    let decisions = 0;
    for (;;) {
      const queued = await this.queue.pop();
      if (!queued || this.stopping.signal.aborted) break;
      try {
        await this.scheduleOne(queued);
      } catch (error) {
        this.options.onError?.(error);
        this.queue.addBackoff(queued);
      }
      // Let informer events and binding answers in between long runs of decisions.
      if (++decisions % 32 === 0) await new Promise((r) => setImmediate(r));
    }
    while (this.bindsInFlight > 0) await new Promise<void>((r) => this.bindSlots.push(r));
  }

  private async scheduleOne(queued: QueuedPod): Promise<void> {
    const key = queued.info.key;
    const current = this.pods.get(key);
    if (!current || current.spec.nodeName || !this.responsibleFor(current)) return this.queue.done(key);
    const info = this.podInfo(current);
    queued.info = info;
    const result = schedulePod(info, this.cache, { profile: this.profile, random: this.options.random });
    if ('unschedulable' in result) return this.handleFailure(queued, result.unschedulable);
    this.cache.assume(info, result.node);
    this.queue.done(key);
    while (this.bindsInFlight >= (this.options.bindConcurrency ?? 16)) await new Promise<void>((r) => this.bindSlots.push(r));
    this.bindsInFlight++;
    void this.bind(queued, result.node).finally(() => {
      this.bindsInFlight--;
      this.bindSlots.shift()?.();
    });
  }

  private async bind(queued: QueuedPod, nodeName: string): Promise<void> {
    const pod = queued.info.pod;
    const { name, namespace, uid } = pod.metadata;
    try {
      const response = await this.options.transport.request({
        method: 'POST',
        path: `/api/v1/namespaces/${encodeURIComponent(namespace!)}/pods/${encodeURIComponent(name!)}/binding`,
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } },
      });
      if (!response.ok) throw await apiErrorFrom(response);
      await response.body?.cancel().catch(() => {});
      this.stats.bound++;
      this.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (error) {
      this.cache.forget(queued.info.key);
      this.stats.bindFailures++;
      // Gone, or bound by someone else meanwhile: nothing left to do.
      if (isNotFound(error) || isConflict(error)) return;
      this.options.onError?.(error);
      this.events.record(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${(error as Error).message}`);
      this.queue.addBackoff(queued);
    }
  }

  private async handleFailure(queued: QueuedPod, diagnosis: Diagnosis): Promise<void> {
    const info = queued.info;
    this.stats.unschedulableAttempts++;
    let postFilter: string | undefined;
    let nominatedNodeName = info.pod.status?.nominatedNodeName;
    if (diagnosis.numAllNodes > 0) {
      const outcome = preempt(info, this.cache, diagnosis, this.profile);
      if ('message' in outcome) postFilter = outcome.message;
      else {
        nominatedNodeName = outcome.node;
        this.cache.nominate(info, outcome.node);
        for (const victim of outcome.victims) void this.evict(victim, info, outcome.node);
      }
    }
    const message = fitErrorMessage(diagnosis, postFilter);
    this.events.record(info.pod, 'Warning', 'FailedScheduling', message);
    this.queue.addUnschedulable(queued);
    void this.updateCondition(info.pod, message, nominatedNodeName);
  }

  /** As upstream's preemption: an event on the victim, then its deletion with its own grace period. */
  private async evict(victim: PodInfo, preemptor: PodInfo, nodeName: string): Promise<void> {
    this.events.record(victim.pod, 'Normal', 'Preempted', `Preempted by pod ${preemptor.pod.metadata.uid} on node ${nodeName}`);
    try {
      await this.podClient.delete({ namespace: victim.namespace, name: victim.pod.metadata.name!, preconditions: { uid: victim.pod.metadata.uid } });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) this.options.onError?.(error);
    }
  }

  /** Sets PodScheduled=False/Unschedulable (and the nominated node), skipping writes that change nothing. */
  private async updateCondition(pod: Pod, message: string, nominatedNodeName: string | undefined): Promise<void> {
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const sameCondition = existing?.status === 'False' && existing.reason === 'Unschedulable' && existing.message === message;
    if (sameCondition && (pod.status?.nominatedNodeName ?? undefined) === nominatedNodeName) return;
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastProbeTime: null,
      lastTransitionTime: existing?.status === 'False' && existing.lastTransitionTime ? existing.lastTransitionTime : new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    try {
      await this.podClient.patch({
        namespace: pod.metadata.namespace,
        name: pod.metadata.name!,
        type: 'strategic',
        subresource: 'status',
        patch: { status: { conditions: [condition], ...(nominatedNodeName ? { nominatedNodeName } : {}) } },
      });
    } catch (error) {
      if (!isNotFound(error)) this.options.onError?.(error);
    }
  }
}

/** The parts of a Node that can change where pods fit. */
function schedulingView(node: Node): string {
  return JSON.stringify([node.metadata.labels, node.spec?.taints, node.spec?.unschedulable, node.status?.allocatable]);
}
