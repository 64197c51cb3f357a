import { StatusError, errors } from '../errors.ts';
import type { SchemaNode } from '../schema/merge-meta.ts';

/** The PATCH content types kube-apiserver understands (k8s.io/apimachinery/pkg/types.PatchType). */
export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

/**
 * What built-in resources accept, in the order kube-apiserver lists them in its 415 message
 * (apiserver/pkg/endpoints/installer.go).
 */
export const BUILT_IN_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];

/**
 * What custom resources accept: no strategic merge patch, because a CRD carries no
 * patchStrategy/patchMergeKey metadata (apiextensions-apiserver customresource_handler.go).
 */
export const CUSTOM_RESOURCE_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];

/**
 * The media type without parameters: as kube-apiserver, `application/merge-patch+json; charset=utf-8`
 * is `application/merge-patch+json`; the comparison stays case-sensitive as upstream's.
 */
export function patchMediaType(contentType: string | undefined | null): string {
  const value = contentType ?? '';
  const semicolon = value.indexOf(';');
  return (semicolon > 0 ? value.slice(0, semicolon) : value).trim();
}

/**
 * The patch types a resource accepts. A kind without merge metadata (custom resources, whose
 * schema lookup gives undefined) cannot take a strategic merge patch.
 */
export function supportedPatchTypes(schema: SchemaNode | undefined): readonly string[] {
  return schema ? BUILT_IN_PATCH_TYPES : CUSTOM_RESOURCE_PATCH_TYPES;
}

/** 415 in kube-apiserver's words (apiserver/pkg/endpoints/handlers/negotiation/errors.go). */
export function unsupportedPatchMediaType(accepted: readonly string[]): StatusError {
  return errors.unsupportedMediaType(
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/**
 * The check the PATCH handler makes before anything else, as kube-apiserver does before it
 * even reads the body: an unknown content type, or a strategic merge patch sent to a kind
 * without merge metadata (a custom resource), is 415 UnsupportedMediaType listing what the
 * resource does accept.
 *
 * @example
 * assertPatchTypeSupported('application/strategic-merge-patch+json', undefined);
 * // throws 415 "... accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
 */
export function assertPatchTypeSupported(contentType: string | undefined | null, schema: SchemaNode | undefined): void {
  const accepted = supportedPatchTypes(schema);
  if (!accepted.includes(patchMediaType(contentType))) throw unsupportedPatchMediaType(accepted);
}
