import type { SchemaLookup, SchemaNode } from './merge-meta.ts';
import { builtinMergeMeta, type FieldMergeMeta } from './builtin-merge-meta.ts';
import { structuralDefinitions, type StructuralSchema } from '../openapi/definitions.ts';

/**
 * Definitions that accept any JSON, as upstream's structured-merge-diff treats them
 * (RawExtension, JSON, FieldsV1 are "untyped"; IntOrString is a scalar of either kind).
 */
const untyped = new Set([
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus',
]);
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** Nodes are shared per definition, so recursive types (JSONSchemaProps) stay finite. */
const nodes = new Map<string, SchemaNode>();
let byKind: Map<string, string> | undefined;

/** The SchemaNode of a built-in definition by upstream name, built on first use. */
export function schemaNodeForDefinition(name: string): SchemaNode | undefined {
  const cached = nodes.get(name);
  if (cached) return cached;
  const def = structuralDefinitions()[name];
  if (!def) return undefined;
  const node: SchemaNode = {};
  nodes.set(name, node);
  if (untyped.has(name)) {
    node.preserveUnknownFields = true;
    return node;
  }
  if (name === INT_OR_STRING) {
    node.intOrString = true;
    return node;
  }
  const meta = builtinMergeMeta[name] ?? {};
  Object.assign(node, nodeOf(def, undefined));
  if (def.properties) {
    node.properties = {};
    for (const [prop, schema] of Object.entries(def.properties)) node.properties[prop] = nodeOf(schema, meta[prop]);
  }
  return node;
}

function nodeOf(schema: StructuralSchema, meta: FieldMergeMeta | undefined): SchemaNode {
  if (schema.$ref) {
    const target = schemaNodeForDefinition(schema.$ref) ?? {};
    // A field's own merge metadata (retainKeys on a struct field) sits beside the shared node.
    return meta ? { ...target, ...meta } : target;
  }
  const node: SchemaNode = {};
  if (schema.type) node.type = schema.type as SchemaNode['type'];
  if (schema.items) node.items = nodeOf(schema.items, undefined);
  if (schema.additionalProperties) node.additionalProperties = nodeOf(schema.additionalProperties, undefined);
  if (meta) Object.assign(node, meta);
  // As upstream's structured-merge-diff: a list without a declared list-type is atomic.
  if (node.type === 'array' && !node.listType) node.listType = 'atomic';
  return node;
}

/**
 * The schema of a built-in kind (as kube-apiserver's typed field manager), or undefined for
 * kinds it does not know (custom resources have their own schema: `schemaNodeFromOpenApi`).
 */
export const builtinSchemaLookup: SchemaLookup = (group, version, kind) => {
  if (!byKind) {
    byKind = new Map();
    for (const [name, def] of Object.entries(structuralDefinitions())) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) byKind.set(`${gvk.group}/${gvk.version}/${gvk.kind}`, name);
    }
  }
  const name = byKind.get(`${group}/${version}/${kind}`);
  return name ? schemaNodeForDefinition(name) : undefined;
};

/** The subset of a CRD's openAPIV3Schema (JSONSchemaProps) the SchemaNode view reads. */
export interface OpenApiV3Schema {
  type?: string;
  properties?: Record<string, OpenApiV3Schema>;
  additionalProperties?: OpenApiV3Schema | boolean;
  items?: OpenApiV3Schema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  [other: string]: unknown;
}

/**
 * A custom resource's SchemaNode from its CRD version's openAPIV3Schema. As the
 * apiextensions-apiserver, the root and every x-kubernetes-embedded-resource object also
 * accept apiVersion and kind and carry ObjectMeta as metadata; list and map semantics come
 * from the schema's own x-kubernetes-list-type / list-map-keys / map-type.
 */
export function schemaNodeFromOpenApi(schema: OpenApiV3Schema): SchemaNode {
  return withTypeMeta(fromOpenApi(schema));
}

function fromOpenApi(schema: OpenApiV3Schema): SchemaNode {
  const node: SchemaNode = {};
  if (schema['x-kubernetes-int-or-string']) node.intOrString = true;
  else if (isNodeType(schema.type)) node.type = schema.type;
  if (schema['x-kubernetes-preserve-unknown-fields']) node.preserveUnknownFields = true;
  if (schema.properties) {
    node.properties = {};
    for (const [prop, sub] of Object.entries(schema.properties)) node.properties[prop] = fromOpenApi(sub);
  }
  if (typeof schema.additionalProperties === 'object') node.additionalProperties = fromOpenApi(schema.additionalProperties);
  else if (schema.additionalProperties === true) node.additionalProperties = { preserveUnknownFields: true };
  if (schema.items) node.items = fromOpenApi(schema.items);
  const listType = schema['x-kubernetes-list-type'];
  if (node.type === 'array') node.listType = listType ?? 'atomic';
  if (listType === 'map' && schema['x-kubernetes-list-map-keys']) node.listMapKeys = [...schema['x-kubernetes-list-map-keys']];
  if (schema['x-kubernetes-map-type']) node.mapType = schema['x-kubernetes-map-type'];
  return schema['x-kubernetes-embedded-resource'] ? withTypeMeta(node) : node;
}

function withTypeMeta(node: SchemaNode): SchemaNode {
  return {
    ...node,
    type: node.type ?? 'object',
    properties: {
      ...node.properties,
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: schemaNodeForDefinition(OBJECT_META) ?? { type: 'object', preserveUnknownFields: true },
    },
  };
}

function isNodeType(type: string | undefined): type is NonNullable<SchemaNode['type']> {
  return type === 'object' || type === 'array' || type === 'string' || type === 'integer' || type === 'number' || type === 'boolean';
}
