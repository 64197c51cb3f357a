import type { ResourceRegistry } from '../resources/registry.ts';
import type { ResourceInfo } from '../resources/types.ts';
import { apiVersionOf } from '../meta/object.ts';

/**
 * Unaggregated discovery documents (/api, /apis, /api/v1, /apis/G, /apis/G/V), as every
 * client before aggregated discovery reads them (kubectl 1.20 among them).
 */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groups()
      .filter((g) => g.group !== '')
      .map((g) => apiGroup(g.group, g.versions)),
  };
}

export function apiGroup(group: string, versions: string[]): Record<string, unknown> {
  const list = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: list, preferredVersion: list[0] };
}

export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const info of registry.inGroupVersion(group, version)) {
    resources.push(resourceEntry(info));
    for (const sub of info.subresources) resources.push(subresourceEntry(info, sub));
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(group, version), resources };
}

function resourceEntry(info: ResourceInfo): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: info.resource,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: info.verbs,
  };
  if (info.shortNames?.length) entry.shortNames = info.shortNames;
  if (info.categories?.length) entry.categories = info.categories;
  entry.storageVersionHash = storageVersionHash(info);
  return entry;
}

/** Kinds and verbs of subresources as upstream reports them. */
export function subresourceShape(info: ResourceInfo, sub: string): { kind: string; group?: string; version?: string; verbs: string[] } {
  switch (sub) {
    case 'status':
      return { kind: info.kind, verbs: ['get', 'patch', 'update'] };
    case 'scale':
      return { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };
    case 'token':
      return { kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] };
    case 'eviction':
      return { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] };
    case 'binding':
      return { kind: 'Binding', verbs: ['create'] };
    case 'log':
      return { kind: 'Pod', verbs: ['get'] };
    case 'exec':
    case 'attach':
    case 'portforward':
      return { kind: sub === 'exec' ? 'PodExecOptions' : sub === 'attach' ? 'PodAttachOptions' : 'PodPortForwardOptions', verbs: ['create', 'get'] };
    case 'proxy':
      return { kind: `${info.kind}ProxyOptions`, verbs: ['create', 'delete', 'get', 'patch', 'update'] };
    case 'finalize':
      return { kind: info.kind, verbs: ['update'] };
    case 'approval':
      return { kind: info.kind, verbs: ['get', 'patch', 'update'] };
    default:
      return { kind: info.kind, verbs: ['get', 'patch', 'update'] };
  }
}

function subresourceEntry(info: ResourceInfo, sub: string): Record<string, unknown> {
  const shape = subresourceShape(info, sub);
  const entry: Record<string, unknown> = { name: `${info.resource}/${sub}`, singularName: '', namespaced: info.namespaced, kind: shape.kind, verbs: shape.verbs };
  if (shape.group) entry.group = shape.group;
  if (shape.version) entry.version = shape.version;
  return entry;
}

/** A stable hash of the storage identity, as upstream's (clients only compare it for changes). */
function storageVersionHash(info: ResourceInfo): string {
  const text = `${info.group}/${info.version}/${info.kind}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return Buffer.from(h.toString(16).padStart(8, '0')).toString('base64').slice(0, 11);
}
