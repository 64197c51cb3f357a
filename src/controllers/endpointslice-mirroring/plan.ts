import { controllerRef } from '../framework/index.ts';
import type { SliceChanges } from '../endpointslice/port-mapping.ts';
import { endpointKey, endpointStateEqual } from '../endpointslice/endpoint-identity.ts';
import { portMapKey } from '../endpointslice/pod-to-endpoint.ts';
import {
  ANNOTATION_LAST_APPLIED,
  ANNOTATION_TRIGGER_TIME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  type EndpointAddress,
  type EndpointSlice,
  type Endpoints,
  type SliceEndpoint,
  type SlicePort,
} from '../endpoints/types.ts';

/** The mirroring controller's name, written in the managed-by label. */
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';

/** At most this many addresses of one Endpoints subset are mirrored (--mirroring-max-endpoints-per-subset). */
export const MAX_ADDRESSES_PER_SUBSET = 1000;

export interface MirrorPlan extends SliceChanges {
  /** Addresses that are not IPs, which no slice can carry. */
  invalidAddresses: number;
  /** Addresses not mirrored, invalid ones included (upstream's addressesSkipped). */
  skippedAddresses: number;
}

/**
 * The slices that mirror a user-written Endpoints object (pkg/controller/endpointslicemirroring):
 * each subset's addresses (ready) and notReadyAddresses (not ready) grouped by address type
 * and port set, one slice each (upstream maps subsets 1:1 to slices), at most 1000 addresses
 * per subset, ready ones first; slices are owned by the Endpoints,
 * carry its labels and annotations (but kubectl's last-applied configuration and the trigger
 * time), `kubernetes.io/service-name` and the mirroring controller's managed-by label.
 */
export function planMirroredSlices(opts: { endpoints: Endpoints; existing: EndpointSlice[]; maxAddressesPerSubset?: number }): MirrorPlan {
  const { endpoints } = opts;
  const max = opts.maxAddressesPerSubset ?? MAX_ADDRESSES_PER_SUBSET;
  let invalidAddresses = 0;
  let skippedAddresses = 0;
  const desired = new Map<string, { addressType: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const subset of endpoints.subsets ?? []) {
    const ports: SlicePort[] = (subset.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const all: [EndpointAddress, boolean][] = [...(subset.addresses ?? []).map((a): [EndpointAddress, boolean] => [a, true]), ...(subset.notReadyAddresses ?? []).map((a): [EndpointAddress, boolean] => [a, false])];
    let mirrored = 0;
    for (const [address, ready] of all) {
      if (mirrored >= max) break;
      const converted = addressToEndpoint(address, ready);
      if (!converted) {
        invalidAddresses++;
        continue;
      }
      mirrored++;
      const key = `${converted.addressType}/${portMapKey(ports)}`;
      let group = desired.get(key);
      if (!group) desired.set(key, (group = { addressType: converted.addressType, ports, endpoints: [] }));
      group.endpoints.push(converted.endpoint);
    }
    skippedAddresses += all.length - mirrored;
  }

  const metadata = sliceMetadata(endpoints);
  const byKey = new Map<string, EndpointSlice[]>();
  for (const slice of opts.existing) {
    const key = `${slice.addressType}/${portMapKey(slice.ports)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), slice]);
  }
  const changes: SliceChanges = { create: [], update: [], delete: [] };
  for (const [key, group] of desired) {
    const [first, ...rest] = byKey.get(key) ?? [];
    // One slice per address type and port set, as upstream: extra ones go.
    changes.delete.push(...rest);
    const wanted = dedupe(group.endpoints).slice(0, max);
    if (first && sameEndpoints(first.endpoints ?? [], wanted) && sameMap(first.metadata.labels, metadata.labels) && sameMap(first.metadata.annotations, metadata.annotations)) continue;
    const slice: EndpointSlice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: structuredClone(metadata), addressType: group.addressType, endpoints: wanted, ports: group.ports };
    if (first) {
      const { generateName: _, ...meta } = slice.metadata;
      changes.update.push({ ...slice, metadata: { ...structuredClone(first.metadata), ...meta, name: first.metadata.name } });
    } else {
      changes.create.push(slice);
    }
  }
  for (const [key, slices] of byKey) if (!desired.has(key)) changes.delete.push(...slices);
  return { ...recycle(changes), invalidAddresses, skippedAddresses };
}

/** recycleSlices: a create paired with a delete becomes an update of the doomed slice. */
function recycle(changes: SliceChanges): SliceChanges {
  const create = [...changes.create];
  const update = [...changes.update];
  const remove: EndpointSlice[] = [];
  for (const doomed of changes.delete) {
    const replacement = create.pop();
    if (!replacement) {
      remove.push(doomed);
      continue;
    }
    const { generateName: _, ...meta } = replacement.metadata;
    update.push({ ...replacement, metadata: { ...structuredClone(doomed.metadata), ...meta, name: doomed.metadata.name } });
  }
  return { create, update, delete: remove };
}

/** An address listed twice (in two subsets with the same ports) is one endpoint: the EndpointSet keeps the last. */
function dedupe(endpoints: SliceEndpoint[]): SliceEndpoint[] {
  const byKey = new Map<string, SliceEndpoint>();
  for (const endpoint of endpoints) byKey.set(endpointKey(endpoint), endpoint);
  return [...byKey.values()];
}

/** totalChanges found nothing to add, update or remove. */
function sameEndpoints(existing: SliceEndpoint[], wanted: SliceEndpoint[]): boolean {
  if (existing.length !== wanted.length) return false;
  const byKey = new Map(wanted.map((e) => [endpointKey(e), e]));
  return existing.every((e) => {
    const w = byKey.get(endpointKey(e));
    return w !== undefined && endpointStateEqual(w, e);
  });
}

/** addressToEndpoint: the IP in canonical form and its type; undefined for what is not an IP. */
function addressToEndpoint(address: EndpointAddress, ready: boolean): { endpoint: SliceEndpoint; addressType: string } | undefined {
  const ip = canonicalIp(address.ip);
  if (!ip) return undefined;
  const endpoint: SliceEndpoint = { addresses: [ip.text], conditions: { ready } };
  if (address.targetRef) endpoint.targetRef = address.targetRef;
  if (address.nodeName) endpoint.nodeName = address.nodeName;
  if (address.hostname) endpoint.hostname = address.hostname;
  return { endpoint, addressType: ip.v6 ? 'IPv6' : 'IPv4' };
}

function canonicalIp(value: string): { text: string; v6: boolean } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    // ParseIPSloppy accepts leading zeros as decimal.
    return parts.every((p) => p <= 255) ? { text: parts.join('.'), v6: false } : undefined;
  }
  if (value.includes(':')) {
    try {
      return { text: new URL(`http://[${value}]/`).hostname.slice(1, -1), v6: true };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function sliceMetadata(endpoints: Endpoints): EndpointSlice['metadata'] {
  const labels: Record<string, string> = { ...(endpoints.metadata.labels ?? {}) };
  labels[LABEL_SERVICE_NAME] = endpoints.metadata.name!;
  labels[LABEL_MANAGED_BY] = MIRRORING_CONTROLLER_NAME;
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(endpoints.metadata.annotations ?? {})) {
    if (key !== ANNOTATION_TRIGGER_TIME && key !== ANNOTATION_LAST_APPLIED) annotations[key] = value;
  }
  return {
    generateName: `${endpoints.metadata.name}-`,
    namespace: endpoints.metadata.namespace,
    labels,
    annotations,
    ownerReferences: [controllerRef(endpoints, 'v1', 'Endpoints')],
  };
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => b?.[k] === a?.[k]);
}
