import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { StatusError, errors } from '../errors.ts';
import { cloneJson, goJsonTypeName, isJsonObject, type JsonObject } from './json-value.ts';

/** kube-apiserver refuses JSON patches longer than this (handlers/patch.go maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/**
 * kube-apiserver's answer when a well-formed JSON patch does not apply (a failing `test`, a
 * path that does not exist): 422 built by NewGenericServerResponse, whose message is generic
 * and whose details are empty. The library's own explanation is kept as `cause` for logs.
 */
export function jsonPatchDoesNotApply(why: string): StatusError {
  const error = new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  return Object.assign(error, { cause: why });
}

/**
 * Applies an RFC 6902 JSON patch (`kubectl patch --type json`) to a copy of `doc`.
 *
 * As kube-apiserver (evanphx/json-patch behind it): a body that is not a list of operation
 * objects is 400 BadRequest with Go's decoding message; `null` is an empty patch; more than
 * 10000 operations is 413; an operation that does not apply is 422 Invalid; a result that is
 * not an object cannot be decoded back into a resource and is 422 on the `patch` field.
 *
 * @example
 * applyJsonPatch({ spec: { replicas: 1 } }, [{ op: 'replace', path: '/spec/replicas', value: 3 }]);
 * // => { spec: { replicas: 3 } }
 */
export function applyJsonPatch(doc: JsonObject, patchOps: unknown): JsonObject {
  const operations = decodeOperations(patchOps);
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw errors.tooLarge(
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
    );
  }
  let patched: unknown;
  try {
    // Copies of both sides: fast-json-patch inserts patch values by reference.
    patched = jsonpatch.applyPatch(cloneJson(doc), cloneJson(operations), true, true).newDocument;
  } catch (error) {
    throw jsonPatchDoesNotApply(error instanceof Error ? error.message : String(error));
  }
  if (!isJsonObject(patched)) {
    throw errors.invalid('', '', '', [
      {
        field: 'patch',
        message: `Invalid value: ${JSON.stringify(JSON.stringify(patched) ?? 'null')}: json: cannot unmarshal ${goJsonTypeName(patched)} into Go value of type map[string]interface {}`,
      },
    ]);
  }
  return patched;
}

/**
 * The shape check evanphx/json-patch's DecodePatch makes: a list whose entries are objects
 * (or null). Everything else about an operation (its `op`, `path`, `value`) is checked when it
 * is applied, so a bad operation is 422, not 400, exactly as upstream.
 */
function decodeOperations(patchOps: unknown): Operation[] {
  if (patchOps === null) return [];
  if (!Array.isArray(patchOps)) {
    throw errors.badRequest(`json: cannot unmarshal ${goJsonTypeName(patchOps)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of patchOps) {
    if (op !== null && !isJsonObject(op)) {
      throw errors.badRequest(`json: cannot unmarshal ${goJsonTypeName(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  // A null entry is an operation without a kind: upstream fails it at apply time ("Unexpected kind").
  return patchOps.map((op) => (op === null ? ({} as Operation) : (op as unknown as Operation)));
}
