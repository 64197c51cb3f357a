import type { SchemaNode } from '../schema/merge-meta.ts';
import { isJsonObject, type JsonObject } from './json-value.ts';
import { smpErrors } from './strategic-merge-errors.ts';
import { DIRECTIVE, elementKind, normalizeElementOrder, partitionByPresence } from './strategic-merge-order.ts';

/** Merges a patch map into a live map; supplied by the map merger so the two can recurse. */
export type MapMerger = (original: JsonObject, patch: JsonObject, schema: SchemaNode | undefined) => JsonObject;

/** True when the list field merges (patchStrategy "merge" or "merge,retainKeys"); else it is replaced. */
export function listMerges(schema: SchemaNode | undefined): boolean {
  return schema?.patchStrategy?.split(',').includes('merge') ?? false;
}

/**
 * A list field in the patch meets a list field in the live object: lists with the merge
 * strategy merge, every other list is replaced by the patch's (strategicpatch mergeSliceHandler).
 */
export function mergeListField(
  original: unknown[],
  patch: unknown[],
  context: { schema: SchemaNode | undefined; mergeMap: MapMerger },
): unknown[] {
  const { schema, mergeMap } = context;
  if (!listMerges(schema)) return patch;
  return mergeList(original, patch, { itemSchema: schema?.items, mergeKey: schema?.patchMergeKey ?? '', mergeMap });
}

interface ListContext {
  itemSchema: SchemaNode | undefined;
  mergeKey: string;
  mergeMap: MapMerger;
}

/**
 * strategicpatch's mergeSlice. Scalars merge as a set (finalizers); maps merge element-wise
 * by the merge key after the `$patch` elements are applied (delete one element, replace the
 * whole list). Then the result is ordered: patch items in patch order, server-only items
 * woven in where the live list had them.
 */
function mergeList(original: unknown[], patch: unknown[], context: ListContext): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  if (kind === undefined) return original;
  const { mergeKey } = context;
  let merged: unknown[];
  let live = original;
  let patchItems = patch;
  if (kind === 'scalar') {
    merged = [...new Set([...original, ...patch])];
  } else {
    if (mergeKey === '') throw smpErrors.noMergeKeyDeclared();
    ({ live, patchItems } = applySpecialElements(original, patch, context));
    merged = mergeByKey(live, patchItems, context);
  }
  // Scalars are told apart by value, so their partition needs no merge key.
  const partitionKey = kind === 'scalar' ? '' : mergeKey;
  const { named, serverOnly } = partitionByPresence(merged, patchItems, partitionKey);
  return normalizeElementOrder({ named, serverOnly, patchOrder: patchItems, serverOrder: live, mergeKey: partitionKey, kind });
}

/**
 * strategicpatch's mergeSliceWithSpecialElements: `{$patch: delete, <key>: v}` removes every
 * live element with that key; a `{$patch: replace}` element makes the rest of the patch list
 * the whole list; `$patch: merge` and unknown directives are errors, as upstream.
 */
function applySpecialElements(
  original: unknown[],
  patch: unknown[],
  context: ListContext,
): { live: unknown[]; patchItems: unknown[] } {
  const { mergeKey } = context;
  let live = original;
  let replace = false;
  const plain: unknown[] = [];
  for (const item of patch) {
    const element = item as JsonObject;
    if (!(DIRECTIVE in element)) {
      plain.push(element);
      continue;
    }
    switch (element[DIRECTIVE]) {
      case 'delete':
        if (!(mergeKey in element)) throw smpErrors.noMergeKey(element, mergeKey);
        live = live.filter((candidate) => !(isJsonObject(candidate) && candidate[mergeKey] === element[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw smpErrors.mergeDirectiveInList();
      default:
        throw smpErrors.badPatchType(element[DIRECTIVE], element);
    }
  }
  if (replace) return { live: plain.map((item) => context.mergeMap({}, item as JsonObject, context.itemSchema)), patchItems: [] };
  return { live, patchItems: plain };
}

/** strategicpatch's mergeSliceWithoutSpecialElements: merge by key, append what is new. */
function mergeByKey(live: unknown[], patch: unknown[], context: ListContext): unknown[] {
  const { mergeKey, mergeMap, itemSchema } = context;
  const merged = [...live];
  for (const item of patch) {
    const element = item as JsonObject;
    if (!(mergeKey in element)) throw smpErrors.noMergeKey(element, mergeKey);
    const at = merged.findIndex((candidate) => isJsonObject(candidate) && candidate[mergeKey] === element[mergeKey]);
    // A new element goes through the merger too, so nulls and nested directives in it are
    // resolved rather than stored.
    if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, element, itemSchema);
    else merged.push(mergeMap({}, element, itemSchema));
  }
  return merged;
}

/**
 * `$deleteFromPrimitiveList/<list>`: removes every listed value from the live scalar list,
 * whatever the list's strategy; a list the object lacks stays absent (strategicpatch tests:
 * "$deleteFromPrimitiveList on nonexistent primitive list should not add the primitive list").
 */
export function deleteFromPrimitiveList(live: unknown, toDelete: unknown): unknown {
  if (!Array.isArray(live)) return live;
  if (!Array.isArray(toDelete)) throw smpErrors.badArgType('list', toDelete);
  return live.filter((item) => !toDelete.includes(item));
}
