import type { ResourceRegistry } from '../resources/registry.ts';
import { subresourceShape } from './legacy.ts';

/**
 * Aggregated discovery (apidiscovery.k8s.io v2 and v2beta1): every group, version and
 * resource in one document, which kubectl >= 1.26 asks for first to save round trips.
 * `legacy` selects the core group's document (/api) or all named groups (/apis).
 */
export function aggregatedDiscovery(registry: ResourceRegistry, legacy: boolean, apiVersion: string): Record<string, unknown> {
  const items = registry
    .groups()
    .filter((g) => (legacy ? g.group === '' : g.group !== ''))
    .map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        freshness: 'Current',
        resources: registry.inGroupVersion(g.group, version).map((info) => {
          const entry: Record<string, unknown> = {
            resource: info.resource,
            responseKind: { group: info.group, version: info.version, kind: info.kind },
            scope: info.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: info.singular,
            verbs: info.verbs,
          };
          if (info.shortNames?.length) entry.shortNames = info.shortNames;
          if (info.categories?.length) entry.categories = info.categories;
          if (info.subresources.length) {
            entry.subresources = info.subresources.map((sub) => {
              const shape = subresourceShape(info, sub);
              return {
                subresource: sub,
                responseKind: { group: shape.group ?? info.group, version: shape.version ?? info.version, kind: shape.kind },
                verbs: shape.verbs,
              };
            });
          }
          return entry;
        }),
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion, metadata: {}, items };
}

/** Which aggregated discovery version the Accept header asks for, if any. */
export function wantsAggregated(accept: string | null): string | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    const params = part.split(';').map((s) => s.trim());
    if (!params.includes('as=APIGroupDiscoveryList') || !params.includes('g=apidiscovery.k8s.io')) continue;
    if (params.includes('v=v2')) return 'v2';
    if (params.includes('v=v2beta1')) return 'v2beta1';
  }
  return undefined;
}
