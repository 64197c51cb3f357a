import type { KubeObject } from '../../client/index.ts';
import { compileNodeSelectorTerms } from '../../scheduler/node-selector.ts';
import { firstUntoleratedTaint, isNoScheduleOrNoExecute } from '../../scheduler/taints.ts';
import type { Node, Taint, Toleration } from '../../scheduler/types.ts';
import type { DaemonPodSpec } from './daemonset-types.ts';

/**
 * The tolerations the DaemonSet controller adds to every daemon pod (upstream's
 * AddOrUpdateDaemonPodTolerations): daemons keep running on not-ready and unreachable nodes,
 * and are placed despite pressure and cordoning; host-network daemons also on nodes whose
 * network is not set up yet (they are often what sets it up).
 */
export function daemonPodTolerations(spec: DaemonPodSpec): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of add) {
    // AddOrUpdateTolerationInPodSpec: a toleration of the same key and effect is replaced, so no duplicates.
    const i = tolerations.findIndex((x) => x.key === t.key && x.effect === t.effect && (x.operator ?? 'Equal') === t.operator);
    if (i >= 0) tolerations[i] = t;
    else tolerations.push(t);
  }
  return tolerations;
}

export interface Eligibility {
  /** A daemon pod should be placed here. */
  shouldRun: boolean;
  /** A daemon pod already here may stay (it tolerates every NoExecute taint). */
  shouldContinueRunning: boolean;
}

/**
 * Upstream's NodeShouldRunDaemonPod: the pod's nodeName (if set), nodeSelector and required
 * node affinity must match; an untolerated NoSchedule or NoExecute taint stops placement, and
 * only an untolerated NoExecute taint evicts a pod already running.
 */
export function nodeShouldRunDaemonPod(node: Node, spec: DaemonPodSpec): Eligibility {
  const no = { shouldRun: false, shouldContinueRunning: false };
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return no;
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return no;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !compileNodeSelectorTerms(terms)(node)) return no;
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints) ?? [];
  const tolerations = daemonPodTolerations(spec);
  if (firstUntoleratedTaint(taints, tolerations, isNoScheduleOrNoExecute)) {
    return { shouldRun: false, shouldContinueRunning: !firstUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute') };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/**
 * The node a daemon pod is for (upstream's GetTargetNodeName): its nodeName once bound, else
 * the node its `metadata.name` affinity term names.
 */
export function targetNodeName(pod: KubeObject): string | undefined {
  const spec = pod.spec as DaemonPodSpec | undefined;
  if (spec?.nodeName) return spec.nodeName;
  for (const term of spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
