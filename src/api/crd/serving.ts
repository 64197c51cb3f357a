import { prefixOf } from '../storage/keys.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ApiDeps } from '../handlers/deps.ts';
import type { CacheEvent } from '../storage/watch-cache.ts';
import { resourcesOfCrd, schemaOfVersion, type CrdSpec } from './resource-info.ts';
import { schemaNodeFromOpenApi, builtinSchemaLookup } from '../schema/builtin-schemas.ts';
import type { SchemaNode } from '../schema/merge-meta.ts';
import { storagePrefixOf } from '../storage/keys.ts';
import { rfc3339 } from '../handlers/create.ts';

const CRD_PREFIX = prefixOf('customresourcedefinitions.apiextensions.k8s.io');

/**
 * Serves custom resources as CRDs come and go (the apiextensions-apiserver's job): registers
 * their resources for routing and discovery, marks CRDs NamesAccepted and Established, and
 * removes every instance when a CRD is deleted.
 */
export class CrdServing {
  private unsubscribe?: () => void;
  private readonly schemas = new Map<string, SchemaNode | undefined>();
  /** Raw openAPIV3Schema per group/version, then kind: for the OpenAPI documents. */
  private readonly rawSchemas = new Map<string, Record<string, Record<string, unknown>>>();

  constructor(private readonly deps: ApiDeps) {
    deps.schemas = (group, version, kind) => {
      const key = `${group}/${version}/${kind}`;
      if (this.schemas.has(key)) return this.schemas.get(key);
      return builtinSchemaLookup(group, version, kind);
    };
  }

  /** The CRD schemas served in one group/version, keyed by kind. */
  customSchemas(group: string, version: string): Record<string, Record<string, unknown>> | undefined {
    return this.rawSchemas.get(`${group}/${version}`);
  }

  start(): void {
    this.unsubscribe = this.deps.cache.subscribe(CRD_PREFIX, (e) => void this.onEvent(e).catch(() => {}));
    for (const c of this.deps.cache.list(CRD_PREFIX)) void this.upsert(c.obj).catch(() => {});
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private async onEvent(e: CacheEvent): Promise<void> {
    if (e.type === 'DELETED') return this.remove(e.object.obj);
    return this.upsert(e.object.obj);
  }

  private async upsert(crd: KubeObject): Promise<void> {
    const spec = crd.spec as CrdSpec;
    const infos = resourcesOfCrd(crd);
    for (const info of infos) {
      const schema = schemaOfVersion(crd, info.version);
      this.schemas.set(`${info.group}/${info.version}/${info.kind}`, schema ? schemaNodeFromOpenApi(schema) : undefined);
      const gv = `${info.group}/${info.version}`;
      const byKind = this.rawSchemas.get(gv) ?? {};
      if (schema) byKind[info.kind] = schema;
      this.rawSchemas.set(gv, byKind);
    }
    this.deps.registry.setCustom(crd.metadata.name!, infos);
    await this.markEstablished(crd, spec);
  }

  private async remove(crd: KubeObject): Promise<void> {
    const spec = crd.spec as CrdSpec;
    this.deps.registry.setCustom(crd.metadata.name!, []);
    for (const v of spec.versions) {
      this.schemas.delete(`${spec.group}/${v.name}/${spec.names.kind}`);
      delete this.rawSchemas.get(`${spec.group}/${v.name}`)?.[spec.names.kind];
    }
    const prefix = storagePrefixOf({ resource: spec.names.plural, group: spec.group });
    for (const c of this.deps.cache.list(prefix)) {
      await this.deps.store.delete(c.key).catch(() => {});
    }
  }

  /** As upstream's naming and establishing controllers: accepted names and the Established condition. */
  private async markEstablished(crd: KubeObject, spec: CrdSpec): Promise<void> {
    const status = (crd.status ?? {}) as { conditions?: { type: string; status: string }[] };
    const established = status.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
    if (established) return;
    const key = `${CRD_PREFIX}${crd.metadata.name}`;
    const current = this.deps.cache.get(key);
    if (!current) return;
    const now = rfc3339(this.deps.now());
    const next = structuredClone(current.obj);
    const storage = spec.versions.find((v) => v.storage)?.name ?? spec.versions[0]?.name;
    next.status = {
      conditions: [
        { type: 'NamesAccepted', status: 'True', lastTransitionTime: now, reason: 'NoConflicts', message: 'no conflicts found' },
        { type: 'Established', status: 'True', lastTransitionTime: now, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ],
      acceptedNames: {
        plural: spec.names.plural,
        singular: spec.names.singular || spec.names.kind.toLowerCase(),
        kind: spec.names.kind,
        listKind: spec.names.listKind || `${spec.names.kind}List`,
        ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
        ...(spec.names.categories ? { categories: spec.names.categories } : {}),
      },
      storedVersions: storage ? [storage] : [],
    };
    delete next.metadata.resourceVersion;
    await this.deps.store.update(key, JSON.stringify(next), current.revision);
  }
}
