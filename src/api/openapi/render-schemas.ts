import { builtinMergeMeta, type FieldMergeMeta } from '../schema/builtin-merge-meta.ts';
import { definitionDescriptions, structuralDefinitions, type GroupVersionKind, type StructuralSchema } from './definitions.ts';

/** A custom resource's schema to publish beside the built-in definitions. */
export interface CustomDefinition {
  name: string;
  gvk: GroupVersionKind;
  /** The CRD version's openAPIV3Schema; absent for the List kind. */
  schema?: Record<string, unknown>;
  /** For a List kind: the definition name of its items. */
  listOf?: string;
}

export type SchemaDialect = 'v2' | 'v3';
type Json = Record<string, unknown>;

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

/**
 * The named schemas a document needs: every root, everything they reference, and the custom
 * definitions, with descriptions, sorted by name (documents must be byte-for-byte stable,
 * clients cache them by hash). v2 writes `$ref` beside a description as upstream's
 * swagger.json does; v3 wraps a described `$ref` in `allOf`, as kube-openapi does.
 */
export function renderSchemas(options: { roots: string[]; custom: CustomDefinition[]; dialect: SchemaDialect }): Json {
  const { dialect } = options;
  const prefix = dialect === 'v2' ? '#/definitions/' : '#/components/schemas/';
  const builtin = structuralDefinitions();
  const descriptions = definitionDescriptions().definitions;
  const out: Json = {};
  const pending = [...options.roots];
  if (options.custom.length) pending.push(OBJECT_META, LIST_META);
  const seen = new Set<string>();
  while (pending.length) {
    const name = pending.pop()!;
    if (seen.has(name) || !builtin[name]) continue;
    seen.add(name);
    const refs: string[] = [];
    const v3Shape = dialect === 'v3' ? V3_SCALAR_SHAPES[name] : undefined;
    out[name] = v3Shape ? structuredClone(v3Shape) : renderBuiltin(builtin[name]!, descriptions[name] ?? {}, builtinMergeMeta[name] ?? {}, { prefix, dialect, refs });
    pending.push(...refs);
  }
  for (const custom of options.custom) out[custom.name] = renderCustom(custom, prefix, dialect);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * As kube-openapi publishes them in OpenAPI v3 (api/openapi-spec/v3/*.json): IntOrString and
 * Quantity have no `type`, only a `oneOf` of their JSON forms. kubectl explain (v3) names a
 * referenced schema without a type after its definition (`maxSurge <IntOrString>`, `limits
 * <map[string]Quantity>`) and a typed one by its type (`<string>` for Time). Swagger 2.0 has no
 * `oneOf`: there both stay `type: string`, as in upstream's swagger.json, and kubectl's v2
 * explain prints `<string>` for them, as it does against kube-apiserver.
 */
const V3_SCALAR_SHAPES: Record<string, Json> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

interface RenderContext {
  prefix: string;
  dialect: SchemaDialect;
  refs: string[];
}

function renderBuiltin(def: StructuralSchema, descriptions: Record<string, string>, merge: Record<string, FieldMergeMeta>, ctx: RenderContext): Json {
  const out: Json = {};
  if (descriptions['']) out.description = descriptions[''];
  Object.assign(out, renderNode(def, ctx));
  if (def.properties) {
    const properties: Json = {};
    for (const [prop, schema] of Object.entries(def.properties)) {
      const node = withDescription(renderNode(schema, ctx), descriptions[prop], ctx.dialect);
      properties[prop] = merge[prop] ? { ...node, ...mergeExtensions(merge[prop]!) } : node;
    }
    out.properties = properties;
  }
  return out;
}

function renderNode(schema: StructuralSchema, ctx: RenderContext): Json {
  if (schema.$ref) {
    ctx.refs.push(schema.$ref);
    return { $ref: ctx.prefix + schema.$ref };
  }
  const out: Json = {};
  if (schema.type) out.type = schema.type;
  if (schema.format) out.format = schema.format;
  if (schema.enum) out.enum = schema.enum;
  if (schema.items) out.items = renderNode(schema.items, ctx);
  if (schema.additionalProperties) out.additionalProperties = renderNode(schema.additionalProperties, ctx);
  if (schema.required) out.required = schema.required;
  if (schema['x-kubernetes-group-version-kind']) out['x-kubernetes-group-version-kind'] = schema['x-kubernetes-group-version-kind'];
  return out;
}

/**
 * As upstream's documents: kubectl's client-side apply computes strategic merge patches from
 * these (openapi v3 first, then v2), so without them it would replace whole lists.
 */
function mergeExtensions(meta: FieldMergeMeta): Json {
  const out: Json = {};
  if (meta.listMapKeys) out['x-kubernetes-list-map-keys'] = meta.listMapKeys;
  if (meta.listType) out['x-kubernetes-list-type'] = meta.listType;
  if (meta.mapType) out['x-kubernetes-map-type'] = meta.mapType;
  if (meta.patchMergeKey) out['x-kubernetes-patch-merge-key'] = meta.patchMergeKey;
  if (meta.patchStrategy) out['x-kubernetes-patch-strategy'] = meta.patchStrategy;
  return out;
}

function withDescription(node: Json, description: string | undefined, dialect: SchemaDialect): Json {
  if (!description) return node;
  if (node.$ref && dialect === 'v3') return { allOf: [node], description };
  return { ...node, description };
}

function renderCustom(custom: CustomDefinition, prefix: string, dialect: SchemaDialect): Json {
  const typeMeta = {
    apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' },
    kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' },
  };
  const gvkExtension = { 'x-kubernetes-group-version-kind': [custom.gvk] };
  if (custom.listOf) {
    return {
      description: `${custom.gvk.kind} is a list of ${custom.gvk.kind.replace(/List$/, '')}`,
      type: 'object',
      required: ['items'],
      properties: {
        ...typeMeta,
        items: { type: 'array', items: { $ref: prefix + custom.listOf } },
        metadata: withDescription({ $ref: prefix + LIST_META }, 'Standard list metadata.', dialect),
      },
      ...gvkExtension,
    };
  }
  const schema = dialect === 'v2' ? toSwaggerSchema(custom.schema ?? {}) : structuredClone(custom.schema ?? {});
  const properties = (schema.properties as Json | undefined) ?? {};
  return {
    ...schema,
    type: 'object',
    properties: {
      ...typeMeta,
      ...properties,
      metadata: withDescription({ $ref: prefix + OBJECT_META }, "Standard object's metadata.", dialect),
    },
    ...gvkExtension,
  };
}

/**
 * A CRD schema as upstream publishes it in swagger 2.0: keywords OpenAPI v2 cannot say
 * (nullable, oneOf/anyOf/not, CEL rules) are dropped, as the apiextensions-apiserver's
 * v2 conversion does, so v2 clients do not reject or misread the document.
 */
function toSwaggerSchema(schema: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (['nullable', 'oneOf', 'anyOf', 'not', 'x-kubernetes-validations'].includes(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toSwaggerSchema(v as Json)]));
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = toSwaggerSchema(value as Json);
    } else out[key] = structuredClone(value);
  }
  return out;
}
