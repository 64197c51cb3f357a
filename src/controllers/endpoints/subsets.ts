import { isPodReady } from '../framework/index.ts';
import { findPort, podIpForService, shouldPodBeInEndpoints, shouldSetHostname } from './pod-membership.ts';
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from './types.ts';

interface PortedAddress {
  address: EndpointAddress;
  ready: boolean;
  port?: EndpointPort;
}

/**
 * The subsets of a Service's Endpoints (the endpoints controller's syncService): one entry per
 * published pod and resolved port, ready pods (or all, with publishNotReadyAddresses) under
 * `addresses`, the others under `notReadyAddresses`, then repacked so that pods offering the
 * same ports share a subset. A port whose targetPort name a pod lacks leaves that pod out of
 * that port only. Headless Services without ports list their pods in a port-less subset.
 */
export function desiredSubsets(service: Service, pods: Pod[]): EndpointSubset[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const ports = service.spec?.ports ?? [];
  const entries: PortedAddress[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ip = podIpForService(pod, service);
    if (!ip) continue;
    const address: EndpointAddress = { ip };
    if (shouldSetHostname(pod, service)) address.hostname = pod.spec!.hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ready = publishNotReady || isPodReady(pod);
    if (ports.length === 0) {
      if (service.spec?.clusterIP === 'None') entries.push({ address, ready });
      continue;
    }
    for (const servicePort of ports) {
      const port = findPort(pod, servicePort);
      if (port === undefined) continue;
      const endpointPort: EndpointPort = { port, protocol: servicePort.protocol ?? 'TCP' };
      if (servicePort.name) endpointPort.name = servicePort.name;
      if (servicePort.appProtocol) endpointPort.appProtocol = servicePort.appProtocol;
      entries.push({ address, ready, port: endpointPort });
    }
  }
  return repackSubsets(entries);
}

/**
 * endpoints.RepackSubsets: group ports by the exact set of (address, ready) pairs offering
 * them, so pods with the same ports share one subset; an address both ready and not ready for
 * one port counts as not ready. Addresses sort by IP then pod UID, as upstream. Upstream sorts
 * ports and subsets by an MD5 of their Go dump, which cannot be reproduced outside Go; Skiff
 * sorts them by name/port/protocol instead, equally stable.
 */
function repackSubsets(entries: PortedAddress[]): EndpointSubset[] {
  const addressKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
  const portKey = (p: EndpointPort | undefined) => (p ? JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? '']) : '');
  const byPort = new Map<string, { port?: EndpointPort; addresses: Map<string, { address: EndpointAddress; ready: boolean }> }>();
  for (const entry of entries) {
    const key = portKey(entry.port);
    let group = byPort.get(key);
    if (!group) byPort.set(key, (group = { port: entry.port, addresses: new Map() }));
    const existing = group.addresses.get(addressKey(entry.address));
    // Not ready trumps ready (mapAddressByPort).
    if (!existing || existing.ready) group.addresses.set(addressKey(entry.address), { address: entry.address, ready: entry.ready });
  }
  const bySet = new Map<string, { ports: EndpointPort[]; addresses: { address: EndpointAddress; ready: boolean }[] }>();
  for (const group of byPort.values()) {
    const addresses = [...group.addresses.values()].sort((a, b) => compareAddresses(a.address, b.address));
    const setKey = JSON.stringify(addresses.map((a) => [addressKey(a.address), a.ready]));
    let subset = bySet.get(setKey);
    if (!subset) bySet.set(setKey, (subset = { ports: [], addresses }));
    if (group.port) subset.ports.push(group.port);
  }
  const subsets: EndpointSubset[] = [];
  for (const { ports, addresses } of bySet.values()) {
    const subset: EndpointSubset = {};
    const ready = addresses.filter((a) => a.ready).map((a) => a.address);
    const notReady = addresses.filter((a) => !a.ready).map((a) => a.address);
    if (ready.length > 0) subset.addresses = ready;
    if (notReady.length > 0) subset.notReadyAddresses = notReady;
    if (ports.length > 0) subset.ports = ports.sort(comparePorts);
    subsets.push(subset);
  }
  return subsets.sort((a, b) => compareStrings(subsetSortKey(a), subsetSortKey(b)));
}

/** LessEndpointAddress: by IP bytes, then by target UID (no target first). */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return compareStrings(a.ip, b.ip);
  return compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return compareStrings(a.name ?? '', b.name ?? '') || a.port - b.port || compareStrings(a.protocol ?? '', b.protocol ?? '');
}

function subsetSortKey(subset: EndpointSubset): string {
  const first = subset.addresses?.[0] ?? subset.notReadyAddresses?.[0];
  return JSON.stringify([(subset.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? '']), first?.ip ?? '']);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
