import type { SchemaNode } from '../schema/merge-meta.ts';
import { isJsonObject, setMember, type JsonObject } from './json-value.ts';
import { smpErrors } from './strategic-merge-errors.ts';
import { deleteFromPrimitiveList, listMerges, mergeListField } from './strategic-merge-list.ts';
import {
  DIRECTIVE,
  elementKind,
  normalizeElementOrder,
  partitionByPresence,
  validateAgainstSetElementOrder,
} from './strategic-merge-order.ts';

/** Directive keys of strategic merge patch (apimachinery/pkg/util/strategicpatch/patch.go). */
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

/** The schema of `key` inside an object schema: a named property, or the map's value type. */
function fieldSchema(schema: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const properties = schema?.properties;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  return schema?.additionalProperties;
}

/**
 * strategicpatch's mergeMap, working in place on private copies: `$patch` on the map itself,
 * then `$retainKeys`, then every `$setElementOrder/<list>` with its list, then the remaining
 * keys (null deletes; maps merge; lists by their strategy; anything else replaces).
 */
export function mergeMap(original: JsonObject, patch: JsonObject, schema: SchemaNode | undefined): JsonObject {
  if (DIRECTIVE in patch) return mapDirective(patch, schema);
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, schema);
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const listKey = directiveTarget(key, DELETE_FROM_PRIMITIVE_LIST);
      // As upstream, a null deletion list clears the list itself.
      if (value === null) delete original[listKey];
      else if (Object.hasOwn(original, listKey)) {
        setMember(original, listKey, deleteFromPrimitiveList(original[listKey], value));
      }
      continue;
    }
    if (value === null) {
      delete original[key];
      continue;
    }
    const current = Object.hasOwn(original, key) ? original[key] : undefined;
    setMember(original, key, mergeValue(current, value, fieldSchema(schema, key)));
  }
  return original;
}

function mergeValue(current: unknown, value: unknown, schema: SchemaNode | undefined): unknown {
  if (isJsonObject(current) && isJsonObject(value)) return mergeMap(current, value, schema);
  if (Array.isArray(current) && Array.isArray(value)) return mergeListField(current, value, { schema, mergeMap });
  return fresh(value, schema);
}

/**
 * A patch value with nothing to merge into (a new key, or a value of another type). Upstream
 * stores it raw and lets decoding into the Go type drop leftovers; Skiff stores JSON, so it
 * is merged into an empty value instead: nulls and directives are resolved, not kept.
 */
function fresh(value: unknown, schema: SchemaNode | undefined): unknown {
  if (isJsonObject(value)) return mergeMap({}, value, schema);
  if (Array.isArray(value) && listMerges(schema)) return mergeListField([], value, { schema, mergeMap });
  return value;
}

/**
 * `$patch` on a map (strategicpatch handleDirectiveInMergeMap): `replace` makes the patch's
 * other keys the whole map, `delete` empties it; anything else, `merge` included, is refused
 * as upstream does.
 */
function mapDirective(patch: JsonObject, schema: SchemaNode | undefined): JsonObject {
  const directive = patch[DIRECTIVE];
  if (directive === 'delete') return {};
  if (directive !== 'replace') throw smpErrors.badPatchType(directive, patch);
  const { [DIRECTIVE]: _marker, ...rest } = patch;
  return mergeMap({}, rest, schema);
}

/**
 * `$retainKeys` (patchStrategy retainKeys, e.g. a volume's source or a Deployment's strategy):
 * every key of the live map not listed is cleared, and the patch may only set listed keys
 * (400 otherwise), as strategicpatch applyRetainKeysDirective.
 */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retained = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retained)) throw smpErrors.badRetainKeys();
  const keep = new Set<unknown>(retained);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(key)) throw smpErrors.badRetainKeys();
  }
  for (const key of Object.keys(original)) if (!keep.has(key)) delete original[key];
}

/**
 * `$setElementOrder/<list>` (sent by `kubectl apply`): merges the list with its patch list,
 * then orders the result: listed items in the directive's order, server-only items woven in
 * where they were (strategicpatch mergePatchIntoOriginal). The list key is consumed here.
 */
function applySetElementOrders(original: JsonObject, patch: JsonObject, schema: SchemaNode | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw smpErrors.badArgType('list', order);
    const listKey = directiveTarget(key, SET_ELEMENT_ORDER);
    const listSchema = fieldSchema(schema, listKey);
    const live = Object.hasOwn(original, listKey) ? original[listKey] : undefined;
    const patchList = Object.hasOwn(patch, listKey) ? patch[listKey] : undefined;
    if (live !== undefined && live !== null && !Array.isArray(live)) throw smpErrors.badArgType('list', live);
    if (patchList !== undefined && !Array.isArray(patchList)) throw smpErrors.badArgType('list', patchList);
    const liveList = Array.isArray(live) ? live : undefined;
    const mergeKey = listSchema?.patchMergeKey ?? '';
    validateAgainstSetElementOrder(patchList ?? [], order, mergeKey);
    if (liveList === undefined && patchList === undefined) continue;
    const merged =
      patchList === undefined ? (liveList ?? []) : mergeListField(liveList ?? [], patchList, { schema: listSchema, mergeMap });
    const kind = elementKind(liveList ?? [], patchList ?? []);
    delete patch[listKey];
    if (kind === undefined) {
      setMember(original, listKey, merged);
      continue;
    }
    const { named, serverOnly } = partitionByPresence(merged, order, mergeKey);
    setMember(original, listKey, normalizeElementOrder({
      named,
      serverOnly,
      patchOrder: order,
      serverOrder: liveList ?? [],
      mergeKey,
      kind,
    }));
  }
}

/** The list a `$setElementOrder/<list>` or `$deleteFromPrimitiveList/<list>` key names (400 if malformed). */
function directiveTarget(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ELEMENT_ORDER ? smpErrors.badSetElementOrderDirective() : smpErrors.badPrimitiveListDirective();
  }
  return key.slice(slash + 1);
}
