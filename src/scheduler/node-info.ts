/**
 * A node with the pods bound (or assumed) to it and running sums of what they request
 * (upstream's framework.NodeInfo). Sums are kept up to date on every add and remove, so a
 * filter reads numbers instead of walking the pods: per-pod scheduling work stays O(nodes).
 */
import { hasAffinityTerms, type HostPort, type PodInfo } from './pod-info.ts';
import { addResources, emptyResources, nodeAllocatable, subtractResources, type Allocatable, type Resources } from './resources.ts';
import type { Node } from './types.ts';

let generations = 0;

export class NodeInfo {
  node: Node;
  allocatable: Allocatable;
  readonly pods = new Map<string, PodInfo>();
  readonly requested: Resources = emptyResources();
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  /** `protocol/port` -> host IPs in use (with repeats), for the NodePorts filter. */
  readonly usedPorts = new Map<string, string[]>();
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  /** Pods per controlling owner uid: default spreading counts these without walking pods. */
  readonly podsByController = new Map<string, number>();
  /** Bumped on every change (upstream's Generation). */
  generation = ++generations;

  constructor(node: Node) {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
  }

  get name(): string {
    return this.node.metadata.name ?? '';
  }

  setNode(node: Node): void {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
    this.generation = ++generations;
  }

  addPod(pi: PodInfo): void {
    if (this.pods.has(pi.key)) this.removePod(pi.key);
    this.pods.set(pi.key, pi);
    this.update(pi, 1);
  }

  /** Answers the removed pod, or undefined if it was not here. */
  removePod(key: string): PodInfo | undefined {
    const pi = this.pods.get(key);
    if (!pi) return undefined;
    this.pods.delete(key);
    this.update(pi, -1);
    return pi;
  }

  /** A copy whose pods can be removed without touching this one (preemption's dry runs). */
  clone(): NodeInfo {
    const copy = new NodeInfo(this.node);
    for (const pi of this.pods.values()) copy.addPod(pi);
    return copy;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    if (sign > 0) addResources(this.requested, pi.resources.requests);
    else subtractResources(this.requested, pi.resources.requests);
    this.nonZeroMilliCPU += sign * pi.resources.nonZeroMilliCPU;
    this.nonZeroMemory += sign * pi.resources.nonZeroMemory;
    for (const port of pi.hostPorts) this.updatePort(port, sign);
    if (hasAffinityTerms(pi)) {
      if (sign > 0) this.podsWithAffinity.add(pi);
      else this.podsWithAffinity.delete(pi);
    }
    if (pi.requiredAntiAffinity.length > 0) {
      if (sign > 0) this.podsWithRequiredAntiAffinity.add(pi);
      else this.podsWithRequiredAntiAffinity.delete(pi);
    }
    if (pi.controllerUid) {
      const count = (this.podsByController.get(pi.controllerUid) ?? 0) + sign;
      if (count > 0) this.podsByController.set(pi.controllerUid, count);
      else this.podsByController.delete(pi.controllerUid);
    }
    this.generation = ++generations;
  }

  private updatePort(port: HostPort, sign: 1 | -1): void {
    const key = `${port.protocol}/${port.port}`;
    const ips = this.usedPorts.get(key) ?? [];
    if (sign > 0) ips.push(port.ip);
    else {
      const at = ips.indexOf(port.ip);
      if (at >= 0) ips.splice(at, 1);
    }
    if (ips.length > 0) this.usedPorts.set(key, ips);
    else this.usedPorts.delete(key);
  }
}
