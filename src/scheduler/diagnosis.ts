/**
 * Why a pod fits nowhere, and the words upstream uses to say so (framework.FitError.Error):
 * "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {k: v}."
 * with reasons counted over nodes and sorted as strings, then the preemption message.
 */
import type { Status } from './framework.ts';

export interface Diagnosis {
  numAllNodes: number;
  /** The rejecting status per node name. */
  nodeStatuses: Map<string, Status>;
  /** Set when a PreFilter rejected the pod for every node. */
  preFilterMessage?: string;
  /** Plugins that rejected the pod somewhere (upstream's UnschedulablePlugins). */
  unschedulablePlugins: Set<string>;
}

/** As upstream's ErrNoNodesAvailable. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Upstream's sortReasonsHistogram: "COUNT reason" strings, sorted byte-wise as Go's sort.Strings. */
export function reasonsHistogram(statuses: Iterable<Status>): string[] {
  const counts = new Map<string, number>();
  for (const status of statuses) for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The FitError message; `postFilterMessage` is the preemption outcome ("preemption: ..."). */
export function fitErrorMessage(d: Diagnosis, postFilterMessage?: string): string {
  if (d.numAllNodes === 0) return NO_NODES_AVAILABLE;
  let message = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMessage) message += ` ${d.preFilterMessage}.`;
  else {
    const histogram = reasonsHistogram(d.nodeStatuses.values());
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  }
  // The preemption message carries its own full stop (it is itself a FitError message).
  if (postFilterMessage) message += ` ${postFilterMessage}`;
  return message;
}
