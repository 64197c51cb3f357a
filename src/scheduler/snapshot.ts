/**
 * The nodes one scheduling decision looks at (upstream's cache Snapshot). schedulePod only
 * reads it, so a decision is a pure function of (pod, snapshot); the run loop hands it the
 * live cache between events, as JavaScript runs one decision at a time.
 */
import type { Labels } from './label-selector.ts';
import { NodeInfo } from './node-info.ts';
import { newPodInfo, type PodInfo } from './pod-info.ts';
import type { Node, Pod } from './types.ts';

export interface Snapshot {
  /** Every node, in a stable order. */
  readonly nodes: readonly NodeInfo[];
  node(name: string): NodeInfo | undefined;
  /** Namespace labels, for affinity terms with a namespaceSelector. */
  namespaceLabels(namespace: string): Labels;
  /**
   * Pods nominated to a node by an earlier preemption and not bound yet: filters count them
   * as if bound when they have at least the incoming pod's priority (upstream's
   * addNominatedPods), so freed room goes to the preemptor.
   */
  nominatedPods(nodeName: string): readonly PodInfo[];
  /** The same snapshot with `replacement` in place of the node of the same name (preemption's dry runs). */
  withNode(replacement: NodeInfo): Snapshot;
}

/** A snapshot over a fixed list of node infos, optionally with some replaced (preemption's dry runs). */
export class ListSnapshot implements Snapshot {
  private readonly byName: Map<string, NodeInfo>;

  constructor(
    readonly nodes: readonly NodeInfo[],
    private readonly namespaces: (namespace: string) => Labels = () => undefined,
    private readonly nominated: ReadonlyMap<string, readonly PodInfo[]> = new Map(),
  ) {
    this.byName = new Map(nodes.map((n) => [n.name, n]));
  }

  node(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  namespaceLabels(namespace: string): Labels {
    return this.namespaces(namespace);
  }

  nominatedPods(nodeName: string): readonly PodInfo[] {
    return this.nominated.get(nodeName) ?? [];
  }

  withNode(replacement: NodeInfo): ListSnapshot {
    return new ListSnapshot(
      this.nodes.map((n) => (n.name === replacement.name ? replacement : n)),
      this.namespaces,
      this.nominated,
    );
  }
}

/** Builds a snapshot from plain objects: bound pods go to their nodes (tests, benchmarks). */
export function snapshotOf(nodes: Node[], pods: Pod[] = [], namespaces?: (ns: string) => Labels): ListSnapshot {
  const infos = nodes.map((n) => new NodeInfo(n));
  const byName = new Map(infos.map((n) => [n.name, n]));
  for (const pod of pods) {
    const info = pod.spec.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    info?.addPod(newPodInfo(pod));
  }
  return new ListSnapshot(infos, namespaces);
}
