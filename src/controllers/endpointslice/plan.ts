import type { KubeObject } from '../../client/index.ts';
import { shouldPodBeInEndpoints } from '../endpoints/pod-membership.ts';
import type { EndpointSlice, Pod, Service, SliceEndpoint, SlicePort } from '../endpoints/types.ts';
import { endpointPorts, podToEndpoint, portMapKey } from './pod-to-endpoint.ts';
import { reconcileByPortMapping, type SliceChanges } from './port-mapping.ts';
import { ownedBy, serviceOwnerReference, sliceLabels, slicePrefix } from './slice-metadata.ts';

/** Endpoints per slice (kube-controller-manager's --max-endpoints-per-slice default). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SlicePlanInput {
  service: Service;
  /** The pods the Service selects. */
  pods: Pod[];
  /** The slices this controller manages for the Service (any owner). */
  existing: EndpointSlice[];
  node: (name: string) => KubeObject | undefined;
  controllerName: string;
  maxEndpointsPerSlice?: number;
}

export interface SlicePlan extends SliceChanges {
  /** Pods left out because their node is unknown: the Service is retried later. */
  podsOnMissingNodes: string[];
}

/**
 * What to create, update and delete so that a Service's EndpointSlices show its pods (the
 * EndpointSlice reconciler's reconcile for the IPv4 family Skiff runs): slices not owned by
 * this Service or of another address type are deleted; endpoints are grouped by port set and
 * placed with minimal churn; a Service with no endpoints keeps one empty placeholder slice;
 * and a create paired with a delete becomes an update of the slice that would be deleted.
 */
export function planServiceSlices(input: SlicePlanInput): SlicePlan {
  const { service } = input;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const addressType = serviceAddressType(service);
  const labels = sliceLabels(service, input.controllerName);
  const toDelete: EndpointSlice[] = [];
  const existingByPorts = new Map<string, EndpointSlice[]>();
  const ours = input.existing.filter((slice) => {
    if (slice.addressType === addressType && ownedBy(slice, service)) return true;
    toDelete.push(slice);
    return false;
  });
  for (const slice of ours) push(existingByPorts, portMapKey(slice.ports), slice);

  const podsOnMissingNodes: string[] = [];
  const desiredByPorts = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of [...input.pods].sort((a, b) => compare(a.metadata.name ?? '', b.metadata.name ?? ''))) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(service, pod);
    const node = input.node(pod.spec?.nodeName ?? '');
    // As upstream: a pod on an unknown node is left out (and the Service retried) unless the
    // Service publishes not-ready addresses, so a dangling pod cannot pin a slice forever.
    if (!node && service.spec?.publishNotReadyAddresses !== true) {
      podsOnMissingNodes.push(pod.metadata.name!);
      continue;
    }
    const endpoint = podToEndpoint(pod, node, service);
    if (!endpoint) continue;
    const key = portMapKey(ports);
    let group = desiredByPorts.get(key);
    if (!group) desiredByPorts.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(endpoint);
  }

  const newSlice = (ports: SlicePort[]): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { generateName: slicePrefix(service.metadata.name!), namespace: service.metadata.namespace, labels: { ...labels }, ownerReferences: [serviceOwnerReference(service)] },
    addressType,
    endpoints: [],
    ports,
  });
  const refreshMetadata = (slice: EndpointSlice) => (sameMap(slice.metadata.labels, labels) ? undefined : { ...structuredClone(slice.metadata), labels: { ...labels } });

  const changes: SliceChanges = { create: [], update: [], delete: toDelete };
  for (const [key, group] of desiredByPorts) {
    const got = reconcileByPortMapping({ existing: existingByPorts.get(key) ?? [], desired: group.endpoints, maxEndpointsPerSlice: max, newSlice: () => newSlice(group.ports), refreshMetadata });
    changes.create.push(...got.create);
    changes.update.push(...got.update);
    changes.delete.push(...got.delete);
  }
  for (const [key, slices] of existingByPorts) if (!desiredByPorts.has(key)) changes.delete.push(...slices);

  // A Service without endpoints keeps exactly one empty placeholder slice.
  if (input.existing.length === changes.delete.length && changes.create.length === 0) {
    const placeholder = newSlice([]);
    if (changes.delete.length === 1 && isSamePlaceholder(changes.delete[0], placeholder)) changes.delete = [];
    else changes.create.push(placeholder);
  }
  return { ...finalize(changes, service), podsOnMissingNodes };
}

/** Creates paired with deletes become updates (finalize), so names are reused rather than churned. */
function finalize(changes: SliceChanges, service: Service): SliceChanges {
  const create = [...changes.create];
  const update = [...changes.update];
  const remove: EndpointSlice[] = [];
  for (const doomed of changes.delete) {
    if (create.length > 0 && doomed.addressType === create[create.length - 1].addressType && ownedBy(doomed, service)) {
      const replacement = create.pop()!;
      const { generateName: _, ...meta } = replacement.metadata;
      update.push({ ...replacement, metadata: { ...structuredClone(doomed.metadata), ...meta, name: doomed.metadata.name } });
    } else {
      remove.push(doomed);
    }
  }
  return { create, update, delete: remove };
}

/** placeholderSliceCompare: same namespace, labels, owner, address type, and no ports nor endpoints. */
function isSamePlaceholder(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    sameMap(slice.metadata.labels, placeholder.metadata.labels) &&
    JSON.stringify(slice.metadata.ownerReferences ?? []) === JSON.stringify(placeholder.metadata.ownerReferences) &&
    slice.addressType === placeholder.addressType &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  );
}

/** The address type of the Service's primary family; Skiff clusters are IPv4 unless told otherwise. */
function serviceAddressType(service: Service): string {
  const family = service.spec?.ipFamilies?.[0];
  if (family) return family;
  return service.spec?.clusterIP?.includes(':') ? 'IPv6' : 'IPv4';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => b?.[k] === a?.[k]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
