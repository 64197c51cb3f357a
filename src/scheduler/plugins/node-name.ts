import { SUCCESS, unresolvable, type FilterPlugin } from '../framework.ts';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** Upstream's NodeName plugin: a pod naming a node fits only that node. */
export const nodeNamePlugin: FilterPlugin = {
  name: 'NodeName',
  filter(_state, pod, node) {
    const wanted = pod.pod.spec.nodeName;
    return !wanted || wanted === node.name ? SUCCESS : unresolvable(ERR_REASON_NODE_NAME);
  },
};
