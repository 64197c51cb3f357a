import { SUCCESS, unresolvable, type FilterPlugin } from '../framework.ts';
import { tolerated } from '../taints.ts';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** The taint a cordoned node behaves as if it had (upstream's v1.TaintNodeUnschedulable). */
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

/** Upstream's NodeUnschedulable plugin: a cordoned node takes only pods tolerating its taint. */
export const nodeUnschedulablePlugin: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(_state, pod, node) {
    if (!node.node.spec?.unschedulable) return SUCCESS;
    return tolerated(UNSCHEDULABLE_TAINT, pod.pod.spec.tolerations) ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
