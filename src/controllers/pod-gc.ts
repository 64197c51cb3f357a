import { isNotFound, sleep, type KubeObject } from '../client/index.ts';
import { podPhase, resources, type Controller, type ControllerContext } from './framework/index.ts';
import { missingNodesOfPods, nodesPastQuarantine, podsOnNodes, terminatedPodsBeyondThreshold, unscheduledTerminatingPods } from './pod-gc/collectable-pods.ts';

/** Upstream's gcCheckPeriod. */
const GC_CHECK_PERIOD_MS = 20_000;
/** Upstream's quarantineTime: how long a node must be missing before its pods are collected. */
const QUARANTINE_MS = 40_000;

/**
 * Upstream's pod garbage collector: every 20 s it deletes terminated pods beyond
 * --terminated-pod-gc-threshold (oldest first), pods bound to nodes that no longer exist (after
 * a 40 s quarantine and a live check), and terminating pods that were never scheduled. Every
 * deletion is forced (grace period 0): no kubelet is left to finish them.
 */
export const podGcController: Controller = {
  name: 'pod-garbage-collector',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const pods = ctx.informers.informerFor(resources.pods);
    const nodes = ctx.informers.informerFor(resources.nodes);
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const gc = new PodGc(ctx);
    while (!signal.aborted) {
      try {
        await gc.pass(pods.list(), nodes.list());
      } catch {
        // A failed deletion is retried on the next pass, as upstream's periodic loop does.
      }
      await sleep(ctx.clock, GC_CHECK_PERIOD_MS, signal);
    }
  },
};

class PodGc {
  private readonly firstMissingAt = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  async pass(pods: KubeObject[], nodes: KubeObject[]): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (work: () => Promise<void>) => work().catch((e) => void errors.push(e));
    for (const pod of terminatedPodsBeyondThreshold(pods, this.ctx.options.terminatedPodGcThreshold)) await attempt(() => this.forceDelete(pod));
    const missing = missingNodesOfPods(pods, new Set(nodes.map((n) => n.metadata.name!)));
    const due = nodesPastQuarantine({ missing, firstMissingAt: this.firstMissingAt, nowMs: this.ctx.clock.now(), quarantineMs: QUARANTINE_MS });
    const deleted = new Set<string>();
    for (const node of due) if (await this.nodeIsGone(node)) deleted.add(node);
    for (const pod of podsOnNodes(pods, deleted)) {
      await attempt(async () => {
        await this.markFailed(pod, 'PodGC: node no longer exists');
        await this.forceDelete(pod);
      });
    }
    for (const pod of unscheduledTerminatingPods(pods)) await attempt(() => this.forceDelete(pod));
    if (errors.length > 0) throw errors[0];
  }

  /** The informer could lag: a node is only gone when the API says so (upstream's checkIfNodeExists). */
  private async nodeIsGone(name: string): Promise<boolean> {
    try {
      await this.ctx.client(resources.nodes).get({ name });
      return false;
    } catch (e) {
      if (isNotFound(e)) return true;
      throw e;
    }
  }

  /**
   * As upstream's markFailedAndDeletePodWithCondition: a pod that is not finished yet becomes
   * Failed with a DisruptionTarget condition saying why, so its owner (a Job) can tell.
   */
  private async markFailed(pod: KubeObject, message: string): Promise<void> {
    const phase = podPhase(pod);
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const now = this.ctx.now().toISOString().replace(/\.\d+Z$/, 'Z');
    const status = structuredClone((pod.status ?? {}) as { phase?: string; conditions?: { type: string }[] });
    status.phase = 'Failed';
    status.conditions = [
      ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message, lastTransitionTime: now } as { type: string },
    ];
    try {
      await this.ctx.client(resources.pods).patch({ namespace: pod.metadata.namespace, name: pod.metadata.name!, type: 'merge', subresource: 'status', patch: { status } });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async forceDelete(pod: KubeObject): Promise<void> {
    try {
      await this.ctx.client(resources.pods).delete({ namespace: pod.metadata.namespace, name: pod.metadata.name!, gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
