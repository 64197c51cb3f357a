import type { ResourceInfo } from '../resources/types.ts';
import { definitionNameOf } from './operations.ts';
import type { CustomDefinition } from './render-schemas.ts';

/** Custom schemas of one group/version, keyed by kind (a CRD version's openAPIV3Schema). */
export type CustomSchemas = Record<string, Record<string, unknown>>;

/**
 * The definitions of the resources that have no built-in definition (custom resources):
 * the kind from its CRD schema, and its List, named as the apiextensions-apiserver names them.
 */
export function customDefinitionsOf(resources: ResourceInfo[], schemas: (group: string, version: string) => CustomSchemas | undefined): CustomDefinition[] {
  const out: CustomDefinition[] = [];
  for (const r of resources) {
    if (r.definition) continue;
    const name = definitionNameOf(r);
    const schema = schemas(r.group, r.version)?.[r.kind] ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    out.push({ name, gvk: { group: r.group, version: r.version, kind: r.kind }, schema });
    out.push({ name: definitionNameOf(r, r.listKind), gvk: { group: r.group, version: r.version, kind: r.listKind }, listOf: name });
  }
  return out;
}
