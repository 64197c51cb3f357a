import type { SchemaNode } from '../schema/merge-meta.ts';

/**
 * What a new, empty object of a built-in kind looks like to upstream's field manager on
 * create: a zero-valued Go struct converted to JSON, so fields without `omitempty` are
 * already there (`spec: {}`, `template: {}`, `containers: null`). Only what changes from
 * this is "added", which is why upstream's managedFields for a created Deployment show no
 * `.` under `f:spec` but do under `f:ports`. SchemaNode does not say which fields are Go
 * values rather than pointers, so this lists the common ones of the built-in API; kinds
 * without a schema start from `{}` as upstream's unstructured objects do.
 */
const ZERO_STRUCT_FIELDS: Record<string, string[]> = {
  '': ['spec', 'status'],
  spec: ['template', 'strategy', 'updateStrategy', 'jobTemplate'],
  'spec.template': ['metadata', 'spec'],
  'spec.jobTemplate': ['metadata', 'spec'],
  'spec.jobTemplate.spec': ['template'],
  'spec.jobTemplate.spec.template': ['metadata', 'spec'],
};

/** Lists without `omitempty` in upstream's Go types: null in a zero value. */
const ZERO_NULL_LISTS = new Set(['containers', 'rules']);

export function zeroObjectFor(schema: SchemaNode | undefined): Record<string, unknown> {
  if (!schema?.properties) return {};
  return zeroStruct(schema, '', true);
}

function zeroStruct(schema: SchemaNode, path: string, root: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (root) out.metadata = {};
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const childPath = path ? `${path}.${name}` : name;
    if (ZERO_STRUCT_FIELDS[path]?.includes(name) && child.properties) out[name] = zeroStruct(child, childPath, false);
    else if (ZERO_NULL_LISTS.has(name) && (child.type === 'array' || child.items) && isPodOrRuleHolder(path)) out[name] = null;
  }
  return out;
}

function isPodOrRuleHolder(path: string): boolean {
  return path === '' || path === 'spec' || path.endsWith('template.spec');
}
