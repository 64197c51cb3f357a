/**
 * A pod with everything the plugins ask of it computed once (upstream's framework.PodInfo):
 * requests as numbers, host ports, compiled affinity terms. Built when a pod enters the
 * scheduler's cache or queue, never in a filter's inner loop.
 */
import { compileLabelSelector, matchEverything, type LabelMatcher, type Labels } from './label-selector.ts';
import { podResources, type PodResources } from './resources.ts';
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from './types.ts';

export interface AffinityTerm {
  selector: LabelMatcher;
  /** Namespaces named in the term (the pod's own when neither list nor selector is given). */
  namespaces: Set<string>;
  /** From namespaceSelector; matches namespace labels. Undefined: no selector. */
  namespaceSelector?: LabelMatcher;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: Pod;
  key: string;
  namespace: string;
  priority: number;
  resources: PodResources;
  hostPorts: HostPort[];
  /** The uid of the controlling owner (ReplicaSet, StatefulSet...), for default spreading. */
  controllerUid?: string;
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

/** As upstream's corev1helpers.PodPriority: spec.priority, 0 when unset. */
export function podPriority(pod: Pod): number {
  return pod.spec.priority ?? 0;
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

export function newPodInfo(pod: Pod): PodInfo {
  const namespace = pod.metadata.namespace ?? '';
  const affinity = pod.spec.affinity;
  const compile = (terms: PodAffinityTerm[] | undefined) => (terms ?? []).map((t) => compileAffinityTerm(t, namespace));
  const compileWeighted = (terms: WeightedPodAffinityTerm[] | undefined) =>
    (terms ?? []).map((t) => ({ ...compileAffinityTerm(t.podAffinityTerm, namespace), weight: t.weight }));
  return {
    pod,
    key: podKey(pod),
    namespace,
    priority: podPriority(pod),
    resources: podResources(pod),
    hostPorts: hostPortsOf(pod),
    controllerUid: pod.metadata.ownerReferences?.find((o) => o.controller)?.uid,
    requiredAffinity: compile(affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinity: compile(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: compileWeighted(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: compileWeighted(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

/**
 * As upstream's framework.newAffinityTerm: no namespaces and no namespaceSelector means the
 * pod's own namespace; an empty namespaceSelector means every namespace.
 */
function compileAffinityTerm(term: PodAffinityTerm, podNamespace: string): AffinityTerm {
  const namespaces = new Set(term.namespaces ?? []);
  const namespaceSelector = term.namespaceSelector ? compileLabelSelector(term.namespaceSelector) : undefined;
  if (namespaces.size === 0 && !namespaceSelector) namespaces.add(podNamespace);
  return { selector: compileLabelSelector(term.labelSelector), namespaces, namespaceSelector, topologyKey: term.topologyKey };
}

/** Whether `target` is selected by `term` (its namespace, then its labels). */
export function termMatches(term: AffinityTerm, target: PodInfo, namespaceLabels: (ns: string) => Labels): boolean {
  const inNamespace =
    term.namespaces.has(target.namespace) ||
    (term.namespaceSelector !== undefined && (term.namespaceSelector === matchEverything || term.namespaceSelector(namespaceLabels(target.namespace))));
  return inNamespace && term.selector(target.pod.metadata.labels);
}

/** As upstream's schedutil.GetHostPorts: every container port with a hostPort, defaults filled. */
function hostPortsOf(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

export function hasAffinityTerms(pi: PodInfo): boolean {
  return pi.requiredAffinity.length + pi.requiredAntiAffinity.length + pi.preferredAffinity.length + pi.preferredAntiAffinity.length > 0;
}
