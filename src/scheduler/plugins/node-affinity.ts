import { SUCCESS, unresolvable, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from '../framework.ts';
import { compileNodeSelectorTerm, compileNodeSelectorTerms, type NodeMatcher } from '../node-selector.ts';
import { defaultNormalizeScore } from '../normalize.ts';
import type { PodInfo } from '../pod-info.ts';
import type { Node } from '../types.ts';

export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

interface Compiled {
  required: NodeMatcher;
  preferred: { weight: number; matches: NodeMatcher }[];
}

const STATE_KEY = 'NodeAffinity';

/** The pod's nodeSelector and required node affinity, both of which must match (upstream's GetRequiredNodeAffinity). */
export function requiredNodeAffinity(pod: PodInfo): NodeMatcher {
  const selector = Object.entries(pod.pod.spec.nodeSelector ?? {});
  const terms = pod.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const affinity = terms ? compileNodeSelectorTerms(terms) : undefined;
  return (node: Node) => {
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of selector) if (labels[k] !== v) return false;
    return affinity ? affinity(node) : true;
  };
}

function compiled(state: CycleState, pod: PodInfo): Compiled {
  let c = state.read<Compiled>(STATE_KEY);
  if (!c) {
    const preferred = pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    c = {
      required: requiredNodeAffinity(pod),
      preferred: preferred.filter((p) => p.weight !== 0).map((p) => ({ weight: p.weight, matches: compileNodeSelectorTerm(p.preference) })),
    };
    state.write(STATE_KEY, c);
  }
  return c;
}

/**
 * Upstream's NodeAffinity plugin. Filter: nodeSelector and required node affinity.
 * Score: the sum of the weights of the preferred terms the node matches, normalised so the
 * best node gets 100.
 */
export const nodeAffinityPlugin: PreFilterPlugin & FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  preFilter(state, pod) {
    compiled(state, pod);
    return SUCCESS;
  },
  filter(state, pod, node) {
    return compiled(state, pod).required(node.node) ? SUCCESS : unresolvable(ERR_REASON_NODE_AFFINITY);
  },
  score(state, pod, node) {
    let total = 0;
    for (const p of compiled(state, pod).preferred) if (p.matches(node.node)) total += p.weight;
    return total;
  },
  normalize(_state, _pod, scores) {
    defaultNormalizeScore(scores, false);
  },
};
