import type { SchemaNode } from '../schema/merge-meta.ts';
import { indexItems } from './compare.ts';
import type { PathElement } from './path-element.ts';
import { childSchema, isPlainObject, listItemElement, shapeOf, ShapeError, type Shape } from './schema-shape.ts';

/**
 * Merges an applied configuration into the live object as upstream's TypedValue.Merge:
 * the configuration wins on leaves (scalars, atomic lists and maps); granular maps merge
 * key by key; associative lists merge item by item, keeping live-only items where they
 * were and putting shared and new items in the configuration's order.
 * Returns undefined only when both sides are absent.
 */
export function mergeObjects(live: unknown, config: unknown, schema: SchemaNode | undefined): unknown {
  return mergeNode(live, config, schema);
}

function mergeNode(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return rhs;
  const lhsShape = shapeOf(schema, lhs);
  const rhsShape = shapeOf(schema, rhs);
  if (lhsShape.kind !== rhsShape.kind || rhsShape.kind === 'leaf' || rhsShape.atomic) return rhs;
  if (rhsShape.kind === 'map') return mergeMaps(lhs, rhs, rhsShape);
  return mergeLists(lhs, rhs, rhsShape);
}

function mergeMaps(lhs: unknown, rhs: unknown, shape: Extract<Shape, { kind: 'map' }>): unknown {
  const left = isPlainObject(lhs) ? lhs : undefined;
  const right = isPlainObject(rhs) ? rhs : undefined;
  // Empty or null on both sides: a leaf, so that `{}` and null keep their difference.
  if (isEmptyMap(left) && isEmptyMap(right)) return rhs;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(left ?? {})) {
    const merged = mergeNode(left![key], right?.[key], childSchema(shape.schema, key));
    if (merged !== undefined) out[key] = merged;
  }
  for (const key of Object.keys(right ?? {})) {
    if (left && key in left) continue;
    const merged = mergeNode(undefined, right![key], childSchema(shape.schema, key));
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

function isEmptyMap(map: Record<string, unknown> | undefined): boolean {
  return map === undefined || Object.keys(map).length === 0;
}

function mergeLists(lhs: unknown, rhs: unknown, shape: Extract<Shape, { kind: 'list' }>): unknown {
  const left = Array.isArray(lhs) ? lhs : [];
  const right = Array.isArray(rhs) ? rhs : [];
  if (left.length === 0 && right.length === 0) return rhs;

  const leftElements = left.map((item, i) => listItemElement(shape, item, i));
  const rightElements = right.map((item, i) => listItemElement(shape, item, i));
  const seen = new Set<PathElement>();
  for (const pe of rightElements) {
    if (seen.has(pe)) throw new ShapeError(`duplicate entries for key ${pe}`);
    seen.add(pe);
  }
  const leftItems = indexItems(shape, left);
  const rightItems = indexItems(shape, right);

  // Shared items follow the configuration's order; live-only items stay where they were
  // relative to them (upstream's merge of associative lists).
  const sharedOrder = rightElements.filter((pe) => leftItems.has(pe));
  let nextShared = sharedOrder.shift();
  const mergedFromRight = new Set<PathElement>();
  const out: unknown[] = [];
  const emit = (value: unknown) => {
    if (value !== undefined) out.push(value);
  };

  let l = 0;
  let r = 0;
  while (l < left.length || r < right.length) {
    if (l < left.length && r < right.length) {
      const pe = leftElements[l];
      if (pe === rightElements[r]) {
        mergedFromRight.add(pe);
        emit(mergeNode(leftItems.get(pe), rightItems.get(pe), shape.items));
        l++;
        r++;
        nextShared = sharedOrder.shift();
        continue;
      }
      if (rightItems.has(pe) && nextShared !== undefined && nextShared !== pe) {
        l++; // a shared item whose turn has not come: it is placed when the configuration reaches it
        continue;
      }
    }
    if (l < left.length) {
      const pe = leftElements[l];
      if (!rightItems.has(pe)) {
        emit(mergeNode(left[l], undefined, shape.items));
        l++;
        continue;
      }
      if (mergedFromRight.has(pe)) {
        l++;
        continue;
      }
    }
    if (r < right.length) {
      const pe = rightElements[r];
      mergedFromRight.add(pe);
      emit(mergeNode(leftItems.get(pe), rightItems.get(pe), shape.items));
      r++;
      if (nextShared === pe) nextShared = sharedOrder.shift();
    } else {
      l++; // defensive: cannot happen with consistent indexes, but never loop forever
    }
  }
  return out;
}
