import { MAX_NODE_SCORE, SKIP, SUCCESS, unresolvable, unschedulable, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from '../framework.ts';
import { requiredNodeAffinity } from './node-affinity.ts';
import { compileConstraints, nodeCounts, systemDefaultConstraints, type SpreadConstraint } from './spread-constraints.ts';

export const ERR_REASON_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_MISSING_LABEL = `${ERR_REASON_CONSTRAINTS} (missing required label)`;

const FILTER_KEY = 'PodTopologySpread/filter';
const SCORE_KEY = 'PodTopologySpread/score';

interface FilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: matching pods per topology value. */
  counts: Map<string, number>[];
  /** Per constraint: the smallest count over its domains (0 below minDomains). */
  minimum: number[];
}

interface ScoreState {
  constraints: SpreadConstraint[];
  /** Per constraint (non-hostname keys): matching pods per topology value of a feasible node. */
  counts: Map<string, number>[];
  weights: number[];
  /** Indexes (into the scored nodes) left out: scored 0. */
  ignored: Set<number>;
}

/**
 * Upstream's PodTopologySpread plugin.
 *
 * Filter (DoNotSchedule constraints): placing the pod in a domain must keep
 * `count(domain) + self - min(count over domains) <= maxSkew`; domains are the values of the
 * key on nodes that pass the node inclusion policies; with fewer domains than minDomains the
 * minimum counts as 0. A node without the key is unresolvable.
 *
 * Score (ScheduleAnyway constraints, or the system defaults when the pod has none): fewer
 * matching pods in the node's domains scores higher, each constraint weighted by
 * log(domains + 2), then flipped and scaled to 0..100.
 */
export const podTopologySpreadPlugin: PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin = {
  name: 'PodTopologySpread',

  preFilter(state, pod, snapshot) {
    const constraints = compileConstraints(pod, 'DoNotSchedule');
    if (constraints.length === 0) return SKIP;
    const affinity = requiredNodeAffinity(pod);
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of snapshot.nodes) {
      if (!nodeCounts(node, pod, constraints, affinity)) continue;
      const labels = node.node.metadata.labels!;
      constraints.forEach((c, i) => {
        const value = labels[c.topologyKey]!;
        counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + c.countOn(node));
      });
    }
    const minimum = constraints.map((c, i) => {
      const domains = counts[i]!;
      if (domains.size < c.minDomains) return 0;
      let min = Infinity;
      for (const n of domains.values()) if (n < min) min = n;
      return min;
    });
    state.write(FILTER_KEY, { constraints, counts, minimum } satisfies FilterState);
    return SUCCESS;
  },

  filter(state, _pod, node) {
    const s = state.read<FilterState>(FILTER_KEY);
    if (!s) return SUCCESS;
    const labels = node.node.metadata.labels ?? {};
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = labels[c.topologyKey];
      if (value === undefined) return unresolvable(ERR_REASON_MISSING_LABEL);
      const skew = (s.counts[i]!.get(value) ?? 0) + (c.selfMatch ? 1 : 0) - s.minimum[i]!;
      if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS);
    }
    return SUCCESS;
  },

  preScore(state, pod, nodes, snapshot) {
    const explicit = pod.pod.spec.topologySpreadConstraints ?? [];
    const constraints = explicit.length > 0 ? compileConstraints(pod, 'ScheduleAnyway') : systemDefaultConstraints(pod);
    if (constraints.length === 0) return SKIP;
    // As upstream: explicit constraints need every key on a node; system defaults do not.
    const requireAll = explicit.length > 0;
    const ignored = new Set<number>();
    const counts = constraints.map(() => new Map<string, number>());
    nodes.forEach((node, index) => {
      const labels = node.node.metadata.labels ?? {};
      if (requireAll && constraints.some((c) => labels[c.topologyKey] === undefined)) {
        ignored.add(index);
        return;
      }
      constraints.forEach((c, i) => {
        const value = labels[c.topologyKey];
        if (value !== undefined && c.topologyKey !== 'kubernetes.io/hostname') counts[i]!.set(value, 0);
      });
    });
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === 'kubernetes.io/hostname' ? nodes.length - ignored.size : counts[i]!.size) + 2),
    );
    const affinity = requiredNodeAffinity(pod);
    const needCounts = constraints.some((c, i) => c.topologyKey !== 'kubernetes.io/hostname' && counts[i]!.size > 0);
    if (needCounts) {
      for (const node of snapshot.nodes) {
        if (!nodeCounts(node, pod, constraints, affinity)) continue;
        const labels = node.node.metadata.labels!;
        constraints.forEach((c, i) => {
          if (c.topologyKey === 'kubernetes.io/hostname') return;
          const value = labels[c.topologyKey]!;
          const current = counts[i]!.get(value);
          if (current !== undefined) counts[i]!.set(value, current + c.countOn(node));
        });
      }
    }
    state.write(SCORE_KEY, { constraints, counts, weights, ignored } satisfies ScoreState);
    return SUCCESS;
  },

  score(state, _pod, node) {
    const s = state.read<ScoreState>(SCORE_KEY)!;
    const labels = node.node.metadata.labels ?? {};
    let score = 0;
    s.constraints.forEach((c, i) => {
      const value = labels[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === 'kubernetes.io/hostname' ? c.countOn(node) : s.counts[i]!.get(value) ?? 0;
      score += count * s.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  },

  normalize(state, _pod, scores) {
    const s = state.read<ScoreState>(SCORE_KEY)!;
    let min = Infinity;
    let max = 0;
    scores.forEach((score, i) => {
      if (s.ignored.has(i)) return;
      if (score < min) min = score;
      if (score > max) max = score;
    });
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(i)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    }
  },
};
