import type { KubeObject } from '../../client/index.ts';
import { isPodReady } from '../framework/index.ts';
import { findPort, podIpForService, shouldSetHostname } from '../endpoints/pod-membership.ts';
import { LABEL_TOPOLOGY_ZONE, type Pod, type Service, type SliceEndpoint, type SlicePort } from '../endpoints/types.ts';

/**
 * A pod as an EndpointSlice endpoint (the EndpointSlice reconciler's podToEndpoint):
 * serving = the pod is Ready; terminating = it has a deletionTimestamp; ready = serving and
 * not terminating, or always with publishNotReadyAddresses (for compatibility, ready is never
 * true for a terminating endpoint otherwise). nodeName and the node's zone label when known,
 * the hostname when the pod's subdomain names the Service.
 */
export function podToEndpoint(pod: Pod, node: KubeObject | undefined, service: Service): SliceEndpoint | undefined {
  const ip = podIpForService(pod, service);
  if (!ip) return undefined;
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const endpoint: SliceEndpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (pod.spec?.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) endpoint.zone = zone;
  if (shouldSetHostname(pod, service)) endpoint.hostname = pod.spec!.hostname;
  return endpoint;
}

/** The slice ports for one pod (getEndpointPorts): every Service port whose target the pod has. */
export function endpointPorts(service: Service, pod: Pod): SlicePort[] {
  const ports: SlicePort[] = [];
  for (const servicePort of service.spec?.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    const slicePort: SlicePort = { name: servicePort.name ?? '', port, protocol: servicePort.protocol ?? 'TCP' };
    if (servicePort.appProtocol) slicePort.appProtocol = servicePort.appProtocol;
    ports.push(slicePort);
  }
  return ports;
}

/** The identity of a port set (NewPortMapKey): order does not matter. */
export function portMapKey(ports: SlicePort[] | null | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.port ?? 0, p.protocol ?? '', p.appProtocol ?? '']).sort());
}
