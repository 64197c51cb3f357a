import { isPodReady } from '../framework/index.ts';
import type { Pod, Service, ServicePort } from './types.ts';

/**
 * Which pods back which Services: the rules the Endpoints and EndpointSlice controllers share
 * (k8s.io/endpointslice/util's ShouldPodBeInEndpoints, ShouldSetHostname, podutil.FindPort).
 */

/** A Service selects pods only when it has a non-empty selector (a nil selector matches nothing, not everything). */
export function serviceSelector(service: Service): Record<string, string> | undefined {
  const selector = service.spec?.selector;
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/** Whether `labels` carry every key=value of `selector` (labels.SelectorFromSet). */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels?.[key] !== value) return false;
  return true;
}

/**
 * A pod is published when it is not terminal (Succeeded/Failed), has an IP, and, unless
 * `includeTerminating`, is not being deleted (ShouldPodBeInEndpoints).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** Endpoints carry the pod's hostname when the pod names this Service as its subdomain (ShouldSetHostname). */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace;
}

/**
 * The pod port a Service port targets (podutil.FindPort): a number as is; a name looked up
 * among the containers' (and restartable init containers') ports of the same protocol.
 * Undefined when the name matches no port: the pod is then left out for that port.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}

/**
 * The pod's IP of the Service's family (podToEndpointAddressForService): the first of
 * spec.ipFamilies, else the family of the cluster IP, else the pod IP's own.
 */
export function podIpForService(pod: Pod, service: Service): string | undefined {
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : pod.status?.podIP ? [pod.status.podIP] : [];
  const clusterIp = service.spec?.clusterIP;
  const wantV6 = service.spec?.ipFamilies?.length
    ? service.spec.ipFamilies[0] === 'IPv6'
    : clusterIp && clusterIp !== 'None'
      ? clusterIp.includes(':')
      : (ips[0] ?? '').includes(':');
  return ips.find((ip) => ip.includes(':') === wantV6);
}

/** Keys of the Services in the pod's namespace whose selector matches `labels` (getServicesForPod). */
export function servicesForLabels(services: Service[], labels: Record<string, string> | undefined): Set<string> {
  const keys = new Set<string>();
  for (const service of services) {
    const selector = serviceSelector(service);
    if (selector && selectorMatches(selector, labels)) keys.add(`${service.metadata.namespace}/${service.metadata.name}`);
  }
  return keys;
}

/**
 * Which Services a pod update concerns (GetServicesToUpdateOnPodChange): none when nothing
 * the endpoints show changed; the matching ones when the pod's readiness, IPs or deletion
 * changed; when its labels (or hostname/subdomain) changed, the union if the pod also changed,
 * else only the Services it joined or left.
 */
export function servicesToUpdateOnPodChange(services: Service[], oldPod: Pod, newPod: Pod): Set<string> {
  if (oldPod.metadata.resourceVersion && oldPod.metadata.resourceVersion === newPod.metadata.resourceVersion) return new Set();
  const { podChanged, labelsChanged } = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return new Set();
  const current = servicesForLabels(services, newPod.metadata.labels);
  if (!labelsChanged) return current;
  const previous = servicesForLabels(services, oldPod.metadata.labels);
  if (podChanged) return new Set([...current, ...previous]);
  const joinedOrLeft = new Set<string>();
  for (const key of current) if (!previous.has(key)) joinedOrLeft.add(key);
  for (const key of previous) if (!current.has(key)) joinedOrLeft.add(key);
  // A hostname/subdomain change keeps the same Services but changes what they show.
  if (joinedOrLeft.size === 0 && !sameHostname(oldPod, newPod)) return current;
  return joinedOrLeft;
}

function podEndpointsChanged(oldPod: Pod, newPod: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged = JSON.stringify(sorted(oldPod.metadata.labels)) !== JSON.stringify(sorted(newPod.metadata.labels)) || !sameHostname(oldPod, newPod);
  const ips = (p: Pod) => JSON.stringify(p.status?.podIPs?.map((i) => i.ip) ?? (p.status?.podIP ? [p.status.podIP] : []));
  const podChanged =
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    ips(oldPod) !== ips(newPod) ||
    // Not in upstream's list (phase is covered there by the kubelet's readiness flip), but a
    // pod going terminal must leave the endpoints even when nothing else changed.
    oldPod.status?.phase !== newPod.status?.phase ||
    oldPod.spec?.nodeName !== newPod.spec?.nodeName;
  return { podChanged, labelsChanged };
}

function sameHostname(a: Pod, b: Pod): boolean {
  return a.spec?.hostname === b.spec?.hostname && a.spec?.subdomain === b.spec?.subdomain;
}

function sorted(labels: Record<string, string> | undefined): [string, string][] {
  return Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
