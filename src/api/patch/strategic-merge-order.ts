import { isJsonObject, type JsonObject } from './json-value.ts';
import { smpErrors } from './strategic-merge-errors.ts';

/**
 * Element order in merged lists, as k8s.io/apimachinery/pkg/util/strategicpatch does it
 * (design: community/contributors/design-proposals/cli/preserve-order-in-strategic-merge-patch.md).
 * Precedence: `$setElementOrder` > order in the patch list > order in the live list. Items the
 * patch names keep the patch's order; items only the server has keep theirs and are woven in
 * before the first patch item they preceded on the server.
 */

export const DIRECTIVE = '$patch';

/** Maps are matched by their merge key, scalars by value. */
export type ElementKind = 'map' | 'scalar';

/**
 * The kind shared by every element of the lists, as strategicpatch's sliceElementType: a list
 * inside a list is refused (422), mixed kinds are an error, and no elements at all gives undefined.
 */
export function elementKind(...lists: unknown[][]): ElementKind | undefined {
  let seen: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const kind = Array.isArray(item) ? 'array' : item === null ? 'null' : isJsonObject(item) ? 'map' : typeof item;
      if (seen === undefined) {
        if (kind === 'array') throw smpErrors.listOfLists();
        seen = kind;
      } else if (seen !== kind) {
        throw smpErrors.mixedElementTypes(lists);
      }
    }
  }
  if (seen === undefined) return undefined;
  return seen === 'map' ? 'map' : 'scalar';
}

/** The identity used to find an element in another list: its merge key value, or itself. */
function identity(item: unknown, mergeKey: string, kind: ElementKind): unknown {
  if (kind !== 'map') return item;
  return isJsonObject(item) ? item[mergeKey] : undefined;
}

function indexIn(list: unknown[], item: unknown, mergeKey: string, kind: ElementKind): number {
  const wanted = identity(item, mergeKey, kind);
  return list.findIndex((candidate) => identity(candidate, mergeKey, kind) === wanted);
}

/** Splits `merged` into the items `partitionBy` names and the ones only the server has. */
export function partitionByPresence(
  merged: unknown[],
  partitionBy: unknown[],
  mergeKey: string,
): { named: unknown[]; serverOnly: unknown[] } {
  const named: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const item of merged) {
    let found: boolean;
    if (mergeKey === '') {
      found = partitionBy.includes(item);
    } else {
      if (!isJsonObject(item)) throw smpErrors.badArgType('map', item);
      if (!(mergeKey in item)) throw smpErrors.noMergeKey(item, mergeKey);
      found = partitionBy.some((other) => isJsonObject(other) && other[mergeKey] === item[mergeKey]);
    }
    (found ? named : serverOnly).push(item);
  }
  return { named, serverOnly };
}

export interface ElementOrderInput {
  /** Items the patch (or `$setElementOrder`) names. */
  named: unknown[];
  /** Items only the live list has. */
  serverOnly: unknown[];
  /** The order wanted for `named`: the patch list or the `$setElementOrder` list. */
  patchOrder: unknown[];
  /** The live list, which orders `serverOnly` and decides where they are woven in. */
  serverOrder: unknown[];
  mergeKey: string;
  kind: ElementKind;
}

/** strategicpatch's normalizeElementOrder: sort both halves, then weave them together. */
export function normalizeElementOrder(input: ElementOrderInput): unknown[] {
  const { mergeKey, kind } = input;
  const named = sortByOrder(input.named, input.patchOrder, mergeKey, kind);
  const serverOnly = sortByOrder(input.serverOnly, input.serverOrder, mergeKey, kind);
  return weave({ serverOnly, named, serverOrder: input.serverOrder, mergeKey, kind });
}

/**
 * Sorts `items` by their position in `order` (stable; items `order` lacks stay in place
 * relative to each other). For maps every item needs the merge key, and elements carrying
 * `$patch: delete` go last, as strategicpatch's normalizeSliceOrder.
 */
function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  let toDelete: unknown[] = [];
  let toSort = items;
  if (kind === 'map') {
    for (const item of [...items, ...order]) {
      if (!isJsonObject(item)) throw smpErrors.badArgType('map', item);
      if (!(mergeKey in item)) throw smpErrors.noMergeKey(item, mergeKey);
    }
    toSort = items.filter((item) => (item as JsonObject)[DIRECTIVE] !== 'delete');
    toDelete = items.filter((item) => (item as JsonObject)[DIRECTIVE] === 'delete');
  }
  const positions = new Map(toSort.map((item) => [item, indexIn(order, item, mergeKey, kind)]));
  const sorted = [...toSort].sort((a, b) => {
    const pa = positions.get(a) ?? -1;
    const pb = positions.get(b) ?? -1;
    return pa >= 0 && pb >= 0 ? pa - pb : 0;
  });
  return [...sorted, ...toDelete];
}

/**
 * strategicpatch's mergeSortedSlice: walk both sorted halves and take the server-only item
 * first only when both sit in the live list and it came first there; otherwise the patch
 * item goes first. So a new item lands before the server-only items that follow the patch
 * items it comes after.
 */
function weave(input: {
  serverOnly: unknown[];
  named: unknown[];
  serverOrder: unknown[];
  mergeKey: string;
  kind: ElementKind;
}): unknown[] {
  const { serverOnly, named, serverOrder, mergeKey, kind } = input;
  const result: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < named.length) {
    if (j >= named.length) {
      result.push(serverOnly[i++]);
    } else if (i >= serverOnly.length) {
      result.push(named[j++]);
    } else {
      const left = indexIn(serverOrder, serverOnly[i], mergeKey, kind);
      const right = indexIn(serverOrder, named[j], mergeKey, kind);
      if (left >= 0 && right >= 0 && left < right) result.push(serverOnly[i++]);
      else result.push(named[j++]);
    }
  }
  return result;
}

/**
 * strategicpatch's validatePatchWithSetOrderList: the patch list's items (deletions and other
 * directive elements aside) must appear in `$setElementOrder` in the same relative order.
 */
export function validateAgainstSetElementOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey !== '') {
    for (const item of patchList) if (!isJsonObject(item)) throw smpErrors.badArgType('map', item);
    items = patchList.filter((item) => (item as JsonObject)[DIRECTIVE] !== 'delete');
  }
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p];
    if (isJsonObject(item) && DIRECTIVE in item) {
      p++;
      continue;
    }
    if (sameElement(item, order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) throw smpErrors.orderMismatch(patchList, order);
}

function sameElement(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isJsonObject(left)) throw smpErrors.badArgType('map', left);
  if (!isJsonObject(right)) throw smpErrors.badArgType('map', right);
  if (!(mergeKey in left)) throw smpErrors.noMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw smpErrors.noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}
