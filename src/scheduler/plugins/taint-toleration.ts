import { SUCCESS, unresolvable, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import { defaultNormalizeScore } from '../normalize.ts';
import { firstUntoleratedTaint, isNoScheduleOrNoExecute, tolerated } from '../taints.ts';

/**
 * Upstream's TaintToleration plugin. Filter: the first NoSchedule/NoExecute taint the pod
 * does not tolerate rejects the node, named in the reason. Score: fewer untolerated
 * PreferNoSchedule taints is better (normalised in reverse).
 */
export const taintTolerationPlugin: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  filter(_state, pod, node) {
    const taint = firstUntoleratedTaint(node.node.spec?.taints, pod.pod.spec.tolerations, isNoScheduleOrNoExecute);
    if (!taint) return SUCCESS;
    return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  },
  score(_state, pod, node) {
    // As upstream: only tolerations with an empty or PreferNoSchedule effect count here.
    const tolerations = (pod.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    let count = 0;
    for (const taint of node.node.spec?.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule' && !tolerated(taint, tolerations)) count++;
    }
    return count;
  },
  normalize(_state, _pod, scores) {
    defaultNormalizeScore(scores, true);
  },
};
