import type { ResourceType, Transport } from '../../client/index.ts';

/** One resource as discovery describes it: enough to list, watch and delete it and to map a kind to it. */
export interface ApiResource {
  type: ResourceType;
  kind: string;
  verbs: string[];
}

interface DiscoveryResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: string;
  verbs?: string[];
}

interface DiscoveryDocument {
  items?: { metadata?: { name?: string }; versions?: { version: string; resources?: DiscoveryResource[] }[] }[];
}

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

/**
 * The preferred version of every resource of every group, from aggregated discovery (/api and
 * /apis in one document each), as client-go's ServerPreferredResources: a group's versions
 * come in preference order, so the first one that serves a resource wins.
 */
export function preferredResources(documents: DiscoveryDocument[]): ApiResource[] {
  const out: ApiResource[] = [];
  for (const doc of documents) {
    for (const group of doc.items ?? []) {
      const name = group.metadata?.name ?? '';
      const seen = new Set<string>();
      for (const version of group.versions ?? []) {
        for (const r of version.resources ?? []) {
          if (r.resource.includes('/') || seen.has(r.resource)) continue;
          seen.add(r.resource);
          out.push({
            type: { group: name, version: version.version, resource: r.resource, namespaced: r.scope === 'Namespaced' },
            kind: r.responseKind?.kind ?? '',
            verbs: r.verbs ?? [],
          });
        }
      }
    }
  }
  return out;
}

/** Resources that support every one of `verbs` (discovery.SupportsAllVerbs). */
export function supportingAll(resources: ApiResource[], verbs: string[]): ApiResource[] {
  return resources.filter((r) => verbs.every((v) => r.verbs.includes(v)));
}

/** Reads both aggregated discovery documents from the server. */
export async function discoverResources(transport: Transport, signal?: AbortSignal): Promise<ApiResource[]> {
  const docs = await Promise.all(
    ['/api', '/apis'].map(async (path) => {
      const response = await transport.request({ method: 'GET', path, headers: { accept: AGGREGATED }, signal });
      if (!response.ok) throw new Error(`discovery of ${path} answered ${response.status}`);
      return (await response.json()) as DiscoveryDocument;
    }),
  );
  return preferredResources(docs);
}

/** `apps/v1` or `v1`, as ownerReferences and objects spell their apiVersion. */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
