import type { SchemaNode } from '../schema/merge-meta.ts';
import { FieldSet } from './field-set.ts';
import { fieldElement, type PathElement } from './path-element.ts';
import { childSchema, isPlainObject, listItemElement, shapeOf, type Shape } from './schema-shape.ts';

/** What changed between two versions of an object, as upstream's typed.Comparison. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * Compares `before` with `after` (undefined = absent, null = a JSON null) the way
 * structured-merge-diff does: leaves (scalars, atomic lists and maps, and containers empty
 * on both sides) are added, removed or modified; a granular map or associative list that
 * appears or disappears as a whole is itself added or removed, along with its contents.
 */
export function compareObjects(before: unknown, after: unknown, schema: SchemaNode | undefined): Comparison {
  const comparison: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareNode(before, after, schema, [], comparison);
  return comparison;
}

function compareNode(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined, path: PathElement[], out: Comparison): void {
  if (lhs === undefined && rhs === undefined) return;
  const lhsShape = lhs === undefined ? undefined : shapeOf(schema, lhs);
  const rhsShape = rhs === undefined ? undefined : shapeOf(schema, rhs);
  const shape = (rhsShape ?? lhsShape)!;
  if (lhsShape && rhsShape && !sameKind(lhsShape, rhsShape)) {
    compareLeaf(lhs, rhs, path, out);
    return;
  }
  if (shape.kind === 'leaf' || shape.atomic) {
    compareLeaf(lhs, rhs, path, out);
    return;
  }
  const descended =
    shape.kind === 'map' ? compareMaps(lhs, rhs, shape, path, out) : compareLists(lhs, rhs, shape, path, out);
  if (!descended) {
    compareLeaf(lhs, rhs, path, out);
    return;
  }
  if (lhs === undefined) out.added.insert(path);
  else if (rhs === undefined) out.removed.insert(path);
}

function sameKind(a: Shape, b: Shape): boolean {
  return a.kind === b.kind;
}

function compareLeaf(lhs: unknown, rhs: unknown, path: PathElement[], out: Comparison): void {
  if (lhs === undefined) out.added.insert(path);
  else if (rhs === undefined) out.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) out.modified.insert(path);
}

/** Returns false when both sides are empty or null: such a map is compared as a leaf. */
function compareMaps(
  lhs: unknown,
  rhs: unknown,
  shape: Extract<Shape, { kind: 'map' }>,
  path: PathElement[],
  out: Comparison,
): boolean {
  const left = isPlainObject(lhs) ? lhs : {};
  const right = isPlainObject(rhs) ? rhs : {};
  if (Object.keys(left).length === 0 && Object.keys(right).length === 0) return false;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    compareNode(left[key], right[key], childSchema(shape.schema, key), [...path, fieldElement(key)], out);
  }
  return true;
}

function compareLists(
  lhs: unknown,
  rhs: unknown,
  shape: Extract<Shape, { kind: 'list' }>,
  path: PathElement[],
  out: Comparison,
): boolean {
  const left = Array.isArray(lhs) ? lhs : [];
  const right = Array.isArray(rhs) ? rhs : [];
  if (left.length === 0 && right.length === 0) return false;
  const leftItems = indexItems(shape, left);
  const rightItems = indexItems(shape, right);
  for (const [pe, item] of leftItems) compareNode(item, rightItems.get(pe), shape.items, [...path, pe], out);
  for (const [pe, item] of rightItems) {
    if (!leftItems.has(pe)) compareNode(undefined, item, shape.items, [...path, pe], out);
  }
  return true;
}

/** Items by path element; with duplicates the first one stands for the key. */
export function indexItems(shape: Extract<Shape, { kind: 'list' }>, items: unknown[]): Map<PathElement, unknown> {
  const byElement = new Map<PathElement, unknown>();
  items.forEach((item, index) => {
    const pe = listItemElement(shape, item, index);
    if (!byElement.has(pe)) byElement.set(pe, item);
  });
  return byElement;
}

/** Structural JSON equality (key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bl = b as unknown[];
    return a.length === bl.length && a.every((item, i) => deepEqual(item, bl[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}
