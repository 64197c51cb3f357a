import type { ResourceInfo } from '../resources/types.ts';

/**
 * Storage keys, as kube-apiserver lays them out in etcd:
 * `/registry/<resource>[.<group>]/<namespace>/<name>` and `/registry/<resource>[.<group>]/<name>`.
 * Core events and events.k8s.io events share one storage, as upstream.
 */
export function storagePrefixOf(info: Pick<ResourceInfo, 'resource' | 'group'>): string {
  if (info.resource === 'events' && (info.group === '' || info.group === 'events.k8s.io')) return '/registry/events/';
  return `/registry/${info.group ? `${info.resource}.${info.group}` : info.resource}/`;
}

export function objectKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${storagePrefixOf(info)}${namespace}/${name}` : `${storagePrefixOf(info)}${name}`;
}

/** Prefix of one namespace's objects (or all objects when namespace is empty). */
export function listPrefix(info: ResourceInfo, namespace: string | undefined): string {
  return info.namespaced && namespace ? `${storagePrefixOf(info)}${namespace}/` : storagePrefixOf(info);
}

/**
 * The same layout addressed by qualified resource name (`pods`, `priorityclasses.scheduling.k8s.io`),
 * for server code that reads a known built-in resource from the cache. `namespace` is omitted for
 * cluster-scoped resources and for all namespaces.
 */
export function prefixOf(qualifiedResource: string, namespace?: string): string {
  return namespace ? `/registry/${qualifiedResource}/${namespace}/` : `/registry/${qualifiedResource}/`;
}

export function keyOf(qualifiedResource: string, namespace: string | undefined, name: string): string {
  return `${prefixOf(qualifiedResource, namespace)}${name}`;
}
