/**
 * The scheduler's view of the cluster (upstream's internal cache): NodeInfos kept current
 * from the node and pod informers, plus pods assumed on a node the moment a decision is
 * made, before their binding lands, so the next decision already counts them. It is the
 * Snapshot schedulePod reads.
 */
import type { Labels } from './label-selector.ts';
import { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { ListSnapshot, type Snapshot } from './snapshot.ts';
import type { Node } from './types.ts';

export class SchedulerCache implements Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  /** Node infos that have a Node object, in a stable order. */
  private list: NodeInfo[] = [];
  private readonly podNode = new Map<string, { node: string; assumed: boolean }>();
  private readonly nominated = new Map<string, PodInfo[]>();

  constructor(private readonly namespaces: (namespace: string) => Labels = () => undefined) {}

  get nodes(): readonly NodeInfo[] {
    return this.list;
  }

  node(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info && this.list.includes(info) ? info : undefined;
  }

  namespaceLabels(namespace: string): Labels {
    return this.namespaces(namespace);
  }

  nominatedPods(nodeName: string): readonly PodInfo[] {
    return this.nominated.get(nodeName) ?? [];
  }

  withNode(replacement: NodeInfo): Snapshot {
    const nominated = new Map(this.nominated);
    return new ListSnapshot(this.list, this.namespaces, nominated).withNode(replacement);
  }

  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const info = this.infos.get(name);
    if (info) {
      info.setNode(node);
      if (!this.list.includes(info)) this.list = [...this.list, info];
    } else {
      const created = new NodeInfo(node);
      this.infos.set(name, created);
      this.list = [...this.list, created];
    }
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    this.list = this.list.filter((n) => n !== info);
    // As upstream: pods still bound to a deleted node keep their info until they go.
    if (info.pods.size === 0) this.infos.delete(name);
  }

  /** A pod bound to a node (from the informer): confirms an assumed pod or adds it. */
  addOrUpdatePod(pi: PodInfo, nodeName: string): void {
    const known = this.podNode.get(pi.key);
    if (known && known.node !== nodeName) this.infoFor(known.node)?.removePod(pi.key);
    this.infoFor(nodeName, true)!.addPod(pi);
    this.podNode.set(pi.key, { node: nodeName, assumed: false });
    this.clearNomination(pi.key);
  }

  removePod(key: string): void {
    const known = this.podNode.get(key);
    if (!known) return;
    this.podNode.delete(key);
    const info = this.infos.get(known.node);
    info?.removePod(key);
    if (info && info.pods.size === 0 && !this.list.includes(info)) this.infos.delete(known.node);
  }

  /** Counts the pod on the node before its binding is confirmed (upstream's AssumePod). */
  assume(pi: PodInfo, nodeName: string): void {
    this.infoFor(nodeName, true)!.addPod(pi);
    this.podNode.set(pi.key, { node: nodeName, assumed: true });
  }

  /** The binding failed: take the assumed pod back off its node (upstream's ForgetPod). */
  forget(key: string): void {
    if (this.podNode.get(key)?.assumed) this.removePod(key);
  }

  isAssumed(key: string): boolean {
    return this.podNode.get(key)?.assumed ?? false;
  }

  nominate(pi: PodInfo, nodeName: string): void {
    this.clearNomination(pi.key);
    this.nominated.set(nodeName, [...(this.nominated.get(nodeName) ?? []), pi]);
  }

  clearNomination(key: string): void {
    for (const [node, pods] of this.nominated) {
      const rest = pods.filter((p) => p.key !== key);
      if (rest.length === pods.length) continue;
      if (rest.length > 0) this.nominated.set(node, rest);
      else this.nominated.delete(node);
    }
  }

  private infoFor(name: string, create = false): NodeInfo | undefined {
    let info = this.infos.get(name);
    if (!info && create) {
      // A pod may arrive before its node: keep its requests on a placeholder, not listed until the Node comes.
      info = new NodeInfo({ metadata: { name } });
      this.infos.set(name, info);
    }
    return info;
  }
}
