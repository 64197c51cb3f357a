import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo } from '../resources/types.ts';
import { customResourcePrinter } from '../tables/builtin-printers.ts';
import { customResourceStrategy } from './cr-strategy.ts';

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: { status?: object; scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string } };
  additionalPrinterColumns?: { name: string; type: string; format?: string; description?: string; priority?: number; jsonPath: string }[];
}

export interface CrdSpec {
  group: string;
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
}

const VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** The resources one CustomResourceDefinition serves: one per served version. */
export function resourcesOfCrd(crd: KubeObject): ResourceInfo[] {
  const spec = crd.spec as CrdSpec;
  const names = spec.names;
  return spec.versions
    .filter((v) => v.served)
    .map((v) => {
      const subresources: string[] = [];
      if (v.subresources?.status) subresources.push('status');
      if (v.subresources?.scale) subresources.push('scale');
      const schema = v.schema?.openAPIV3Schema;
      return {
        group: spec.group,
        version: v.name,
        resource: names.plural,
        singular: names.singular || names.kind.toLowerCase(),
        kind: names.kind,
        listKind: names.listKind || `${names.kind}List`,
        namespaced: spec.scope === 'Namespaced',
        shortNames: names.shortNames,
        categories: names.categories,
        verbs: VERBS,
        subresources,
        hasStatus: !!v.subresources?.status,
        printer: customResourcePrinter(v.additionalPrinterColumns ?? []),
        strategy: customResourceStrategy({ kind: names.kind, group: spec.group, schema }),
        scale: v.subresources?.scale
          ? { specReplicasPath: v.subresources.scale.specReplicasPath, statusReplicasPath: v.subresources.scale.statusReplicasPath, labelSelectorPath: v.subresources.scale.labelSelectorPath }
          : undefined,
      } satisfies ResourceInfo;
    });
}

/** The OpenAPI schema of one served version, for pruning and OpenAPI documents. */
export function schemaOfVersion(crd: KubeObject, version: string): Record<string, unknown> | undefined {
  return (crd.spec as CrdSpec).versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
}
