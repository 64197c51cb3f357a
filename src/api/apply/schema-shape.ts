import type { SchemaNode } from '../schema/merge-meta.ts';
import { describePath, keyElement, valueElement, type PathElement } from './path-element.ts';

/**
 * How structured merge treats one value, from its schema node (upstream's schema.Atom with
 * its ElementRelationship). Without a schema node (kinds without a schema, unknown fields,
 * x-kubernetes-preserve-unknown-fields) the shape is deduced from the value as upstream's
 * "deduced" type does: maps granular with no named fields, lists atomic.
 */
export type Shape =
  | { kind: 'leaf' }
  | { kind: 'map'; atomic: boolean; schema: SchemaNode | undefined }
  | { kind: 'list'; atomic: boolean; keys: string[] | undefined; items: SchemaNode | undefined };

const LEAF: Shape = { kind: 'leaf' };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The shape of `value`; a value whose JSON type disagrees with its schema is a leaf. */
export function shapeOf(schema: SchemaNode | undefined, value: unknown): Shape {
  if (!schema || schema.preserveUnknownFields) return deducedShape(value);
  if (schema.intOrString) return LEAF;
  const looksLikeMap = schema.type === 'object' || schema.properties !== undefined || schema.additionalProperties !== undefined;
  const looksLikeList = schema.type === 'array' || schema.items !== undefined;
  if (looksLikeMap && (isPlainObject(value) || value === null)) {
    return { kind: 'map', atomic: schema.mapType === 'atomic', schema };
  }
  if (looksLikeList && (Array.isArray(value) || value === null)) {
    const relation = listRelation(schema);
    return { kind: 'list', atomic: relation.atomic, keys: relation.keys, items: schema.items };
  }
  return LEAF;
}

function deducedShape(value: unknown): Shape {
  if (isPlainObject(value)) return { kind: 'map', atomic: false, schema: undefined };
  return LEAF;
}

/**
 * List semantics as kube-openapi's schema conversion derives them: x-kubernetes-list-type
 * first, then the strategic-merge tags (merge with a key is a map, merge without one a set),
 * atomic otherwise.
 */
function listRelation(schema: SchemaNode): { atomic: boolean; keys: string[] | undefined } {
  if (schema.listType === 'map') return { atomic: false, keys: schema.listMapKeys ?? (schema.patchMergeKey ? [schema.patchMergeKey] : []) };
  if (schema.listType === 'set') return { atomic: false, keys: undefined };
  if (schema.listType === 'atomic') return { atomic: true, keys: undefined };
  if (schema.patchStrategy === 'merge' || schema.patchStrategy === 'merge,retainKeys') {
    return { atomic: false, keys: schema.patchMergeKey ? [schema.patchMergeKey] : undefined };
  }
  return { atomic: true, keys: undefined };
}

/** The schema of a map's entry `key`: a named property, else the map's value type. */
export function childSchema(schema: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!schema) return undefined;
  if (schema.preserveUnknownFields && !schema.properties) return undefined;
  return schema.properties?.[key] ?? schema.additionalProperties;
}

/** Whether `key` is a declared field of a struct (upstream's FindField), not a map entry. */
export function isNamedField(schema: SchemaNode | undefined, key: string): boolean {
  return schema?.properties?.[key] !== undefined;
}

/** The schema reached by following one path element from `schema`. */
export function schemaBelow(schema: SchemaNode | undefined, element: PathElement): SchemaNode | undefined {
  if (!schema) return undefined;
  if (element.startsWith('f:')) return childSchema(schema, element.slice(2));
  return schema.items;
}

export class ShapeError extends Error {}

/**
 * The path element naming a list item: its key fields for a map list, its value for a set.
 * A missing key field takes the schema's default; `protocol` defaults to TCP as upstream's
 * schema for ports says, since SchemaNode carries no defaults.
 */
export function listItemElement(
  shape: Extract<Shape, { kind: 'list' }>,
  item: unknown,
  index: number,
  path: readonly PathElement[] = [],
): PathElement {
  try {
    return elementOf(shape, item, index);
  } catch (err) {
    if (err instanceof ShapeError && path.length > 0) throw new ShapeError(`${describePath(path)}: ${err.message}`);
    throw err;
  }
}

function elementOf(shape: Extract<Shape, { kind: 'list' }>, item: unknown, index: number): PathElement {
  if (!shape.keys) return valueElement(item);
  if (item === null) throw new ShapeError(`element ${index}: associative list with keys may not have a null element`);
  if (!isPlainObject(item)) throw new ShapeError(`element ${index}: associative list with keys may not have non-map elements`);
  const key: Record<string, unknown> = {};
  for (const name of shape.keys) {
    if (name in item) key[name] = item[name];
    else {
      const fallback = keyDefault(shape.items, name);
      if (fallback === undefined) {
        throw new ShapeError(
          `element ${index}: associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`,
        );
      }
      key[name] = fallback;
    }
  }
  return keyElement(key);
}

function keyDefault(items: SchemaNode | undefined, name: string): unknown {
  const declared = (items?.properties?.[name] as { default?: unknown } | undefined)?.default;
  if (declared !== undefined) return declared;
  return name === 'protocol' ? 'TCP' : undefined;
}
