import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.ts';

/**
 * Upstream's NodeResourcesBalancedAllocation: favours nodes whose cpu and memory shares
 * stay close after placing the pod. Score = (1 - standard deviation of the shares) * 100;
 * for two resources that deviation is half their difference. Uses actual requests, as
 * upstream (useRequested), and caps each share at 1.
 */
export const balancedAllocationPlugin: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(_state, pod, node) {
    const fractions: number[] = [];
    const alloc = node.allocatable;
    const want = pod.resources.requests;
    if (alloc.milliCPU !== 0) fractions.push(Math.min(1, (node.requested.milliCPU + want.milliCPU) / alloc.milliCPU));
    if (alloc.memory !== 0) fractions.push(Math.min(1, (node.requested.memory + want.memory) / alloc.memory));
    let std = 0;
    if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};
