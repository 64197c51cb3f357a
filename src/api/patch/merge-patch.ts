import { errors } from '../errors.ts';
import { cloneJson, isJsonObject, setMember, type JsonObject } from './json-value.ts';

/**
 * Applies an RFC 7386 JSON merge patch (`kubectl patch --type merge`) to a copy of `doc`:
 * null deletes a key, objects merge recursively, everything else (arrays included) replaces.
 *
 * The patch must be a JSON object; anything else is 400 "Invalid JSON Patch", the message
 * evanphx/json-patch gives kube-apiserver for a patch it cannot merge.
 *
 * @example
 * applyMergePatch({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { a: null } } });
 * // => { metadata: { labels: { b: '2' } } }
 */
export function applyMergePatch(doc: JsonObject, patch: unknown): JsonObject {
  if (!isJsonObject(patch)) throw errors.badRequest('Invalid JSON Patch');
  return mergeObjects(cloneJson(doc), cloneJson(patch));
}

/** Merges `patch` into `target` in place (both are private copies). */
function mergeObjects(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete target[key];
      continue;
    }
    // Own members only: `target.__proto__` is Object.prototype, which must never be merged into.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isJsonObject(current) && isJsonObject(value)) {
      setMember(target, key, mergeObjects(current, value));
    } else if (isJsonObject(current)) {
      // evanphx/json-patch: an object replaced by a non-object takes the value as sent.
      setMember(target, key, value);
    } else {
      // A new value (or one replacing a non-object) loses its null members, as RFC 7386 says
      // merging into nothing would; nulls inside arrays stay, as upstream leaves them.
      setMember(target, key, withoutNullMembers(value));
    }
  }
  return target;
}

function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? item : withoutNullMembers(item)));
  if (!isJsonObject(value)) return value;
  for (const [key, member] of Object.entries(value)) {
    if (member === null) delete value[key];
    else setMember(value, key, withoutNullMembers(member));
  }
  return value;
}
