import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodInfo } from '../pod-info.ts';

/**
 * The reasons upstream's NodeResourcesFit gives, one per resource that does not fit: every
 * one of them counts in the FailedScheduling histogram.
 */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] {
  const reasons: string[] = [];
  const alloc = node.allocatable;
  if (node.pods.size + 1 > alloc.pods) reasons.push('Too many pods');
  const want = pod.resources.requests;
  const used = node.requested;
  if (want.milliCPU > 0 && want.milliCPU > alloc.milliCPU - used.milliCPU) reasons.push('Insufficient cpu');
  if (want.memory > 0 && want.memory > alloc.memory - used.memory) reasons.push('Insufficient memory');
  if (want.ephemeralStorage > 0 && want.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    reasons.push('Insufficient ephemeral-storage');
  }
  for (const [name, amount] of want.scalar) {
    if (amount > 0 && amount > (alloc.scalar.get(name) ?? 0) - (used.scalar.get(name) ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** As upstream's leastRequestedScore: the free share of the node after placing the pod, 0..100. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * Upstream's NodeResourcesFit plugin with its default LeastAllocated strategy (cpu and
 * memory, weight 1 each). Filter: requests against allocatable minus what bound and assumed
 * pods request, and the pod count. Score: counts containers without requests as 100m/200Mi
 * (NonZeroRequested), so empty pods still spread.
 */
export const nodeResourcesFitPlugin: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  filter(_state, pod, node) {
    const reasons = insufficientResources(pod, node);
    return reasons.length === 0 ? SUCCESS : unschedulable(...reasons);
  },
  score(_state, pod, node) {
    let total = 0;
    let weights = 0;
    const alloc = node.allocatable;
    if (alloc.milliCPU !== 0) {
      total += leastRequestedScore(node.nonZeroMilliCPU + pod.resources.nonZeroMilliCPU, alloc.milliCPU);
      weights++;
    }
    if (alloc.memory !== 0) {
      total += leastRequestedScore(node.nonZeroMemory + pod.resources.nonZeroMemory, alloc.memory);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(total / weights);
  },
};
