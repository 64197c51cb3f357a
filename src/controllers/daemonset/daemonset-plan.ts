import type { KubeObject } from '../../client/index.ts';
import { isPodAvailable, isPodReady, podPhase } from '../framework/index.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controller-revision.ts';
import type { Node } from '../../scheduler/types.ts';
import { TEMPLATE_GENERATION_LABEL, type DaemonSet, type DaemonSetStatus } from './daemonset-types.ts';
import { nodeShouldRunDaemonPod, targetNodeName } from './node-eligibility.ts';
import { scaledValue } from './scaled-value.ts';

export interface DaemonSetPlanInput {
  set: DaemonSet;
  nodes: Node[];
  pods: KubeObject[];
  hash: string;
  now: Date;
}

export interface DaemonSetPlan {
  /** Nodes to create a daemon pod for. */
  create: string[];
  delete: KubeObject[];
  status: DaemonSetStatus;
}

const byAge = (a: KubeObject, b: KubeObject) => String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** util.IsPodUpdated: the pod carries the update hash (or, from older controllers, the template generation). */
export function isPodUpdated(set: DaemonSet, pod: KubeObject, hash: string): boolean {
  const labels = pod.metadata.labels ?? {};
  if (labels[CONTROLLER_REVISION_HASH_LABEL] !== undefined) return labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return set.metadata.generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(set.metadata.generation);
}

/**
 * One sync of upstream's DaemonSet controller as a pure function: manage (a pod on every
 * eligible node, none elsewhere, failed ones replaced, duplicates removed), then the
 * RollingUpdate step (maxUnavailable, or maxSurge), and the status counts.
 */
export function planDaemonSet(input: DaemonSetPlanInput): DaemonSetPlan {
  const { set, nodes, hash, now } = input;
  const spec = set.spec.template.spec ?? {};
  const create: string[] = [];
  const remove = new Set<KubeObject>();
  const byNode = new Map<string, KubeObject[]>();
  const nodeNames = new Set(nodes.map((n) => n.metadata.name!));
  for (const pod of input.pods) {
    const node = targetNodeName(pod);
    // A pod for no node, or for a node that no longer exists, is deleted (upstream's getUnscheduledPodsWithoutNode).
    if (!node || !nodeNames.has(node)) {
      if (!pod.metadata.deletionTimestamp) remove.add(pod);
      continue;
    }
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  const surge = set.spec.updateStrategy?.type !== 'OnDelete' && scaledValue(set.spec.updateStrategy?.rollingUpdate?.maxSurge, 1, true, 0) > 0;
  const eligible = new Map(nodes.map((n) => [n.metadata.name!, nodeShouldRunDaemonPod(n, spec)]));

  // 1. manage (podsShouldBeOnNode)
  for (const node of nodes) {
    const name = node.metadata.name!;
    const { shouldRun, shouldContinueRunning } = eligible.get(name)!;
    const pods = byNode.get(name) ?? [];
    if (shouldRun && pods.length === 0) {
      create.push(name);
    } else if (shouldContinueRunning) {
      const running: KubeObject[] = [];
      for (const pod of pods) {
        if (pod.metadata.deletionTimestamp) continue;
        if (podPhase(pod) === 'Failed') remove.add(pod);
        else running.push(pod);
      }
      if (running.length > 1) {
        // Keep the oldest pod; during a surge update keep the oldest updated and oldest old pod.
        const sorted = [...running].sort(byAge);
        const keep = new Set<KubeObject>();
        if (surge) {
          const updated = sorted.find((p) => isPodUpdated(set, p, hash));
          const old = sorted.find((p) => !isPodUpdated(set, p, hash));
          if (updated) keep.add(updated);
          if (old) keep.add(old);
        } else keep.add(sorted[0]!);
        for (const p of sorted) if (!keep.has(p)) remove.add(p);
      }
    } else {
      for (const pod of pods) if (!pod.metadata.deletionTimestamp) remove.add(pod);
    }
  }

  // 2. rollingUpdate
  const desired = nodes.filter((n) => eligible.get(n.metadata.name!)!.shouldRun).length;
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const minReady = set.spec.minReadySeconds ?? 0;
    const available = (p: KubeObject) => isPodAvailable(p, minReady, now);
    const maxSurge = scaledValue(set.spec.updateStrategy?.rollingUpdate?.maxSurge, desired, true, 0);
    let maxUnavailable = scaledValue(set.spec.updateStrategy?.rollingUpdate?.maxUnavailable, desired, true, 1);
    if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    const pairs: { node: string; newPod?: KubeObject; oldPod?: KubeObject }[] = [];
    for (const [node, pods] of byNode) {
      if (!eligible.get(node)?.shouldRun) continue;
      const live = pods.filter((p) => !p.metadata.deletionTimestamp && !remove.has(p));
      const updated = live.filter((p) => isPodUpdated(set, p, hash));
      const old = live.filter((p) => !isPodUpdated(set, p, hash));
      if (updated.length > 1 || old.length > 1) continue; // manage fixes duplicates first
      pairs.push({ node, newPod: updated[0], oldPod: old[0] });
    }
    if (maxSurge === 0) {
      let unavailable = 0;
      const replace: KubeObject[] = [];
      const candidates: KubeObject[] = [];
      for (const { newPod, oldPod } of pairs) {
        if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
        else if (newPod) {
          if (!available(newPod)) unavailable++;
        } else if (!available(oldPod!)) replace.push(oldPod!);
        else candidates.push(oldPod!);
      }
      // Nodes with no pod at all count against the budget too.
      unavailable += nodes.filter((n) => eligible.get(n.metadata.name!)!.shouldRun && !byNode.has(n.metadata.name!)).length;
      const budget = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
      for (const p of [...replace, ...candidates.slice(0, budget)]) remove.add(p);
    } else {
      let surging = pairs.filter((p) => p.oldPod && p.newPod && !available(p.newPod)).length;
      for (const { node, newPod, oldPod } of pairs) {
        if (!oldPod) continue;
        if (!newPod) {
          if (!available(oldPod)) create.push(node);
          else if (surging < maxSurge) (surging++, create.push(node));
        } else if (available(newPod)) remove.add(oldPod);
      }
    }
  }

  // 3. status (updateDaemonSetStatus): one pod per node counts, the oldest.
  const status: DaemonSetStatus = {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
    observedGeneration: set.metadata.generation as number | undefined,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
    numberUnavailable: 0,
    collisionCount: set.status?.collisionCount,
  };
  for (const node of nodes) {
    const name = node.metadata.name!;
    const pods = byNode.get(name) ?? [];
    if (eligible.get(name)!.shouldRun) {
      status.desiredNumberScheduled++;
      if (pods.length === 0) continue;
      status.currentNumberScheduled++;
      const pod = [...pods].sort((a, b) => Number(podPhase(b) === 'Running') - Number(podPhase(a) === 'Running') || byAge(a, b))[0]!;
      if (isPodReady(pod)) {
        status.numberReady++;
        if (isPodAvailable(pod, set.spec.minReadySeconds ?? 0, now)) status.numberAvailable!++;
      }
      if (isPodUpdated(set, pod, hash)) status.updatedNumberScheduled!++;
    } else if (pods.length > 0) status.numberMisscheduled++;
  }
  status.numberUnavailable = status.desiredNumberScheduled - status.numberAvailable!;
  if (status.collisionCount === undefined) delete status.collisionCount;
  if (status.observedGeneration === undefined) delete status.observedGeneration;
  return { create, delete: [...remove], status };
}
