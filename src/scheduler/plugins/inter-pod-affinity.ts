import { SKIP, SUCCESS, unresolvable, unschedulable, type CycleState, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from '../framework.ts';
import { MAX_NODE_SCORE } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { termMatches, type AffinityTerm, type PodInfo } from '../pod-info.ts';
import type { Snapshot } from '../snapshot.ts';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const FILTER_KEY = 'InterPodAffinity/filter';
const SCORE_KEY = 'InterPodAffinity/score';

/** Counts per topology pair `key\0value`. */
type PairCounts = Map<string, number>;

interface FilterState {
  /** Pairs where an existing pod's required anti-affinity term selects the incoming pod. */
  existingAntiAffinity: PairCounts;
  /** Pairs holding pods that match all of the incoming pod's required affinity terms. */
  affinity: PairCounts;
  /** Pairs holding pods that one of the incoming pod's anti-affinity terms selects. */
  antiAffinity: PairCounts;
}

const pair = (key: string, value: string) => `${key}\0${value}`;

function bump(counts: PairCounts, node: NodeInfo, topologyKey: string, by: number): void {
  const value = node.node.metadata.labels?.[topologyKey];
  if (value === undefined) return;
  const p = pair(topologyKey, value);
  counts.set(p, (counts.get(p) ?? 0) + by);
}

function matchesAll(terms: AffinityTerm[], target: PodInfo, snapshot: Snapshot): boolean {
  return terms.every((t) => termMatches(t, target, (ns) => snapshot.namespaceLabels(ns)));
}

/**
 * Upstream's InterPodAffinity plugin.
 *
 * Filter, in upstream's order: the pod's required affinity (every term's topology pair on
 * the node must hold a matching pod; the first pod of a self-affine group may go anywhere
 * when no pod matches yet), its required anti-affinity, then existing pods' required
 * anti-affinity against it. Only affinity failures are unresolvable: evicting pods can fix
 * anti-affinity.
 *
 * Score: preferred terms of both sides (and existing pods' required affinity at weight 1,
 * upstream's hardPodAffinityWeight) summed per topology pair, normalised min..max to 0..100.
 */
export const interPodAffinityPlugin: PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin = {
  name: 'InterPodAffinity',

  preFilter(state, pod, snapshot) {
    const hasExistingAnti = snapshot.nodes.some((n) => n.podsWithRequiredAntiAffinity.size > 0);
    if (!hasExistingAnti && pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0) return SKIP;
    const nsLabels = (ns: string) => snapshot.namespaceLabels(ns);
    const s: FilterState = { existingAntiAffinity: new Map(), affinity: new Map(), antiAffinity: new Map() };
    for (const node of snapshot.nodes) {
      for (const existing of node.podsWithRequiredAntiAffinity) {
        for (const term of existing.requiredAntiAffinity) {
          if (termMatches(term, pod, nsLabels)) bump(s.existingAntiAffinity, node, term.topologyKey, 1);
        }
      }
      if (pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0) continue;
      for (const existing of node.pods.values()) {
        if (pod.requiredAffinity.length > 0 && matchesAll(pod.requiredAffinity, existing, snapshot)) {
          for (const term of pod.requiredAffinity) bump(s.affinity, node, term.topologyKey, 1);
        }
        for (const term of pod.requiredAntiAffinity) {
          if (termMatches(term, existing, nsLabels)) bump(s.antiAffinity, node, term.topologyKey, 1);
        }
      }
    }
    // Self-affinity is decided here once: it needs the snapshot's namespace labels.
    state.write(FILTER_KEY, { ...s, selfAffine: pod.requiredAffinity.length > 0 && matchesAll(pod.requiredAffinity, pod, snapshot) });
    return SUCCESS;
  },

  filter(state, pod, node) {
    const s = state.read<FilterState & { selfAffine: boolean }>(FILTER_KEY);
    if (!s) return SUCCESS;
    const labels = node.node.metadata.labels ?? {};
    if (pod.requiredAffinity.length > 0) {
      let podsExist = true;
      for (const term of pod.requiredAffinity) {
        const value = labels[term.topologyKey];
        if (value === undefined) return unresolvable(ERR_REASON_AFFINITY);
        if ((s.affinity.get(pair(term.topologyKey, value)) ?? 0) <= 0) podsExist = false;
      }
      if (!podsExist && !(s.affinity.size === 0 && s.selfAffine)) return unresolvable(ERR_REASON_AFFINITY);
    }
    for (const term of pod.requiredAntiAffinity) {
      const value = labels[term.topologyKey];
      if (value !== undefined && (s.antiAffinity.get(pair(term.topologyKey, value)) ?? 0) > 0) return unschedulable(ERR_REASON_ANTI_AFFINITY);
    }
    for (const [key, value] of Object.entries(labels)) {
      if ((s.existingAntiAffinity.get(pair(key, value)) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
    return SUCCESS;
  },

  preScore(state, pod, _nodes, snapshot) {
    const hasPreferred = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
    const anyExistingWithAffinity = snapshot.nodes.some((n) => n.podsWithAffinity.size > 0);
    if (!hasPreferred && !anyExistingWithAffinity) return SKIP;
    const nsLabels = (ns: string) => snapshot.namespaceLabels(ns);
    const scores: PairCounts = new Map();
    for (const node of snapshot.nodes) {
      const existingPods = hasPreferred ? node.pods.values() : node.podsWithAffinity.values();
      for (const existing of existingPods) {
        for (const t of pod.preferredAffinity) if (termMatches(t, existing, nsLabels)) bump(scores, node, t.topologyKey, t.weight);
        for (const t of pod.preferredAntiAffinity) if (termMatches(t, existing, nsLabels)) bump(scores, node, t.topologyKey, -t.weight);
        for (const t of existing.requiredAffinity) if (termMatches(t, pod, nsLabels)) bump(scores, node, t.topologyKey, 1);
        for (const t of existing.preferredAffinity) if (termMatches(t, pod, nsLabels)) bump(scores, node, t.topologyKey, t.weight);
        for (const t of existing.preferredAntiAffinity) if (termMatches(t, pod, nsLabels)) bump(scores, node, t.topologyKey, -t.weight);
      }
    }
    state.write(SCORE_KEY, scores);
    return SUCCESS;
  },

  score(state, _pod, node) {
    const scores = state.read<PairCounts>(SCORE_KEY);
    if (!scores || scores.size === 0) return 0;
    let total = 0;
    for (const [key, value] of Object.entries(node.node.metadata.labels ?? {})) total += scores.get(pair(key, value)) ?? 0;
    return total;
  },

  normalize(state: CycleState, _pod, scores) {
    if (!state.read(SCORE_KEY)) return;
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const spread = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = spread > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i]! - min)) / spread) : 0;
  },
};
