/**
 * Server-side apply and managedFields tracking (structured-merge-diff semantics, as
 * kube-apiserver's field manager). Handlers call:
 * - parseApplyBody + validatePatchOptions + serverSideApply for `application/apply-patch+yaml`;
 * - trackUpdate for every other create, update and patch;
 * - resolveFieldManager to name the manager of a write without `fieldManager`.
 */
export { serverSideApply, type ServerSideApplyOptions, type ServerSideApplyResult } from './apply.ts';
export { trackUpdate, fieldManagerFromUserAgent, resolveFieldManager, type TrackUpdateOptions } from './update-tracking.ts';
export { parseApplyBody, validatePatchOptions, fieldManagerProblems, type PatchOptionsToValidate } from './apply-body.ts';
export { FieldSet, FieldsV1Error } from './field-set.ts';
export { fieldSetOf, ensureNamedFieldsAreMembers } from './object-field-set.ts';
export { compareObjects, type Comparison } from './compare.ts';
export { mergeObjects } from './merge.ts';
export { removeItems } from './remove-items.ts';
export { decodeManagedFields, encodeManagedFields, managerIdentifier, type ManagedFields, type ManagerFields } from './managers.ts';
export { LAST_APPLIED_ANNOTATION } from './last-applied.ts';
