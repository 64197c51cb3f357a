/**
 * Topology spread constraints compiled for counting (upstream's podtopologyspread/common.go):
 * selectors with matchLabelKeys merged in, the node inclusion policies, and the system
 * default constraints used when a pod declares none.
 */
import { compileLabelSelector, type LabelMatcher } from '../label-selector.ts';
import type { NodeInfo } from '../node-info.ts';
import type { NodeMatcher } from '../node-selector.ts';
import type { PodInfo } from '../pod-info.ts';
import { firstUntoleratedTaint, isNoScheduleOrNoExecute } from '../taints.ts';
import { LABEL_HOSTNAME, LABEL_ZONE, type TopologySpreadConstraint } from '../types.ts';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  /** Counts the pods on a node this constraint spreads (same namespace, not terminating). */
  countOn(node: NodeInfo): number;
  /** Whether the incoming pod itself is one of the spread pods. */
  selfMatch: boolean;
  honorNodeAffinity: boolean;
  honorTaints: boolean;
}

/**
 * As upstream's systemDefaultConstraints: spread over hostnames (maxSkew 3) and zones
 * (maxSkew 5), ScheduleAnyway. Upstream selects the pods of the Services, ReplicaSets,
 * StatefulSets and ReplicationControllers that select the pod; Skiff counts the pods of the
 * same controlling owner, which is what those selectors pick out in practice and needs no
 * extra informers.
 */
export function systemDefaultConstraints(pod: PodInfo): SpreadConstraint[] {
  const uid = pod.controllerUid;
  if (!uid) return [];
  const countOn = (node: NodeInfo) => node.podsByController.get(uid) ?? 0;
  const base = { minDomains: 1, countOn, selfMatch: true, honorNodeAffinity: true, honorTaints: false };
  return [
    { ...base, maxSkew: 3, topologyKey: LABEL_HOSTNAME },
    { ...base, maxSkew: 5, topologyKey: LABEL_ZONE },
  ];
}

export function compileConstraints(pod: PodInfo, whenUnsatisfiable: TopologySpreadConstraint['whenUnsatisfiable']): SpreadConstraint[] {
  return (pod.pod.spec.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === whenUnsatisfiable)
    .map((c) => {
      const selector = compileLabelSelector(withMatchLabelKeys(c, pod));
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        minDomains: c.minDomains ?? 1,
        countOn: (node: NodeInfo) => countMatching(node, selector, pod.namespace),
        selfMatch: selector(pod.pod.metadata.labels),
        honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorTaints: c.nodeTaintsPolicy === 'Honor',
      };
    });
}

/** As upstream: the values of matchLabelKeys in the pod's labels narrow the selector. */
function withMatchLabelKeys(c: TopologySpreadConstraint, pod: PodInfo): TopologySpreadConstraint['labelSelector'] {
  if (!c.labelSelector || !c.matchLabelKeys?.length) return c.labelSelector;
  const labels = pod.pod.metadata.labels ?? {};
  const extra = c.matchLabelKeys.filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'In' as const, values: [labels[k]!] }));
  return { ...c.labelSelector, matchExpressions: [...(c.labelSelector.matchExpressions ?? []), ...extra] };
}

function countMatching(node: NodeInfo, selector: LabelMatcher, namespace: string): number {
  let count = 0;
  for (const pi of node.pods.values()) {
    if (pi.namespace !== namespace || pi.pod.metadata.deletionTimestamp) continue;
    if (selector(pi.pod.metadata.labels)) count++;
  }
  return count;
}

/** Whether a node's pods count towards the constraints at all (upstream's node inclusion policies and label check). */
export function nodeCounts(node: NodeInfo, pod: PodInfo, constraints: SpreadConstraint[], requiredAffinity: NodeMatcher): boolean {
  const labels = node.node.metadata.labels ?? {};
  for (const c of constraints) {
    if (labels[c.topologyKey] === undefined) return false;
    if (c.honorNodeAffinity && !requiredAffinity(node.node)) return false;
    if (c.honorTaints && firstUntoleratedTaint(node.node.spec?.taints, pod.pod.spec.tolerations, isNoScheduleOrNoExecute)) return false;
  }
  return true;
}
