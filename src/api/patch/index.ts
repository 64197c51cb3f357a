import type { SchemaNode } from '../schema/merge-meta.ts';
import { errors } from '../errors.ts';
import { applyJsonPatch } from './json-patch.ts';
import type { JsonObject } from './json-value.ts';
import { applyMergePatch } from './merge-patch.ts';
import {
  APPLY_PATCH,
  JSON_PATCH,
  MERGE_PATCH,
  STRATEGIC_MERGE_PATCH,
  assertPatchTypeSupported,
  patchMediaType,
} from './media-types.ts';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';

export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.ts';
export { applyMergePatch } from './merge-patch.ts';
export { applyStrategicMergePatch, assertStrategicMergePatchSupported } from './strategic-merge-patch.ts';
export type { JsonObject } from './json-value.ts';
export {
  APPLY_PATCH,
  BUILT_IN_PATCH_TYPES,
  CUSTOM_RESOURCE_PATCH_TYPES,
  JSON_PATCH,
  MERGE_PATCH,
  STRATEGIC_MERGE_PATCH,
  assertPatchTypeSupported,
  patchMediaType,
  supportedPatchTypes,
} from './media-types.ts';

/**
 * Thrown by `applyPatch` for `application/apply-patch+yaml`: server-side apply needs field
 * managers and the live object's managedFields, so it lives in its own module. Handlers check
 * `isApplyPatch(contentType)` first; reaching this error is a wiring mistake.
 */
export class ApplyPatchNotHandledHere extends Error {
  constructor() {
    super(`${APPLY_PATCH} is server-side apply; it is not handled by applyPatch`);
    this.name = 'ApplyPatchNotHandledHere';
  }
}

/** True for a server-side apply request, which the handler routes to the apply module. */
export function isApplyPatch(contentType: string | undefined | null): boolean {
  return patchMediaType(contentType) === APPLY_PATCH;
}

export interface ApplyPatchInput {
  /** The request's Content-Type header; parameters such as `; charset=utf-8` are ignored. */
  contentType: string | undefined | null;
  /** The live object; never changed. */
  doc: JsonObject;
  /** The decoded request body (see decodePatchBody). */
  patch: unknown;
  /** Merge metadata of the kind; undefined for custom resources, which refuse strategic merge patch. */
  schema: SchemaNode | undefined;
}

/**
 * Applies a JSON, merge or strategic merge patch according to the request's content type and
 * returns the patched copy. An unknown content type, or a strategic merge patch for a kind
 * without schema, is 415 listing what the resource accepts (kube-apiserver's message).
 *
 * @example
 * applyPatch({ contentType: 'application/merge-patch+json', doc, patch: { spec: { replicas: 3 } }, schema });
 */
export function applyPatch(input: ApplyPatchInput): JsonObject {
  assertPatchTypeSupported(input.contentType, input.schema);
  switch (patchMediaType(input.contentType)) {
    case JSON_PATCH:
      return applyJsonPatch(input.doc, input.patch);
    case MERGE_PATCH:
      return applyMergePatch(input.doc, input.patch);
    case STRATEGIC_MERGE_PATCH:
      return applyStrategicMergePatch(input.doc, input.patch, input.schema);
    default:
      throw new ApplyPatchNotHandledHere();
  }
}

/**
 * Decodes a JSON/merge/strategic patch body. Malformed JSON is 400 BadRequest in the words
 * kube-apiserver uses for each type: the JSON decoder's complaint for JSON and strategic merge
 * patches, "Invalid JSON Patch" for merge patches (evanphx/json-patch).
 */
export function decodePatchBody(contentType: string | undefined | null, body: string | Uint8Array): unknown {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (patchMediaType(contentType) === MERGE_PATCH) throw errors.badRequest('Invalid JSON Patch');
    throw errors.badRequest(error instanceof Error ? error.message : String(error));
  }
}
