import type { SchemaNode } from '../schema/merge-meta.ts';
import { cloneJson, isJsonObject, type JsonObject } from './json-value.ts';
import { CUSTOM_RESOURCE_PATCH_TYPES, unsupportedPatchMediaType } from './media-types.ts';
import { smpErrors } from './strategic-merge-errors.ts';
import { mergeMap } from './strategic-merge-map.ts';

/**
 * Whether a kind can take a strategic merge patch: only with merge metadata. Custom resources
 * (schema undefined) are refused with 415, as kube-apiserver's CRD handler does, listing the
 * patch types they do accept. The PATCH handler calls this before reading the body.
 *
 * @example
 * assertStrategicMergePatchSupported(undefined);
 * // throws 415 "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
 */
export function assertStrategicMergePatchSupported(schema: SchemaNode | undefined): asserts schema is SchemaNode {
  if (!schema) throw unsupportedPatchMediaType(CUSTOM_RESOURCE_PATCH_TYPES);
}

/**
 * Applies a strategic merge patch (`kubectl patch`, client-side `kubectl apply`) to a copy of
 * `doc`, with k8s.io/apimachinery/pkg/util/strategicpatch semantics: lists with patchStrategy
 * merge merge by patchMergeKey (or as sets for scalars), other lists are replaced, maps merge,
 * null deletes; the directives `$patch` (replace, delete), `$retainKeys`,
 * `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured.
 *
 * A `null` body is an empty patch; any other non-object is 400, as upstream's decoder.
 *
 * @example
 * applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }, podSchema);
 * // => pod with container "app"'s image changed and every other container kept
 */
export function applyStrategicMergePatch(doc: JsonObject, patch: unknown, schema: SchemaNode | undefined): JsonObject {
  assertStrategicMergePatchSupported(schema);
  if (patch === null) return cloneJson(doc);
  if (!isJsonObject(patch)) throw smpErrors.notAnObject(patch);
  return mergeMap(cloneJson(doc), cloneJson(patch), schema);
}
