import { errors, StatusError } from '../errors.ts';
import { parseApiVersion, type KubeObject, type ManagedFieldsEntry } from '../meta/object.ts';
import type { SchemaNode } from '../schema/merge-meta.ts';
import { compareObjects, deepEqual } from './compare.ts';
import { applyConflictError, conflictsFrom, type ApplyConflict } from './conflict-error.ts';
import type { FieldSet } from './field-set.ts';
import { conflictsAllowedByLastApplied, KUBECTL_APPLY_MANAGER, syncLastAppliedAnnotation } from './last-applied.ts';
import {
  capUpdateManagers,
  decodeManagedFields,
  encodeManagedFields,
  managedFieldsTime,
  ManagedFieldsError,
  managerIdentifier,
  UNTRACKED_FIELDS,
  type ManagedFields,
} from './managers.ts';
import { mergeObjects } from './merge.ts';
import { fieldSetOf } from './object-field-set.ts';
import { pruneDroppedFields } from './prune.ts';
import { ShapeError } from './schema-shape.ts';
import { ignoredFieldSet, withoutIgnored } from './ignored-fields.ts';

export interface ServerSideApplyOptions {
  /** The stored object, or undefined when the apply creates it. */
  live: KubeObject | undefined;
  /** The configuration from the request body (see parseApplyBody). */
  applied: KubeObject;
  /** The fieldManager query parameter (required for apply; see validateApplyPatchOptions). */
  manager: string;
  force: boolean;
  schema: SchemaNode | undefined;
  /** The API version of the request path, e.g. `apps/v1`. */
  apiVersion: string;
  /** The kind the request path serves; the applied object must name the same. Defaults to the live object's. */
  kind?: string;
  /** `status` (or another subresource) when applying to a subresource. */
  subresource?: string;
  /**
   * Paths this write may not own (upstream's reset fields), e.g. [['status']] for the main
   * resource of a kind with a status subresource. The caller still resets their values.
   */
  ignoredPaths?: string[][];
  now: Date;
}

export interface ServerSideApplyResult {
  /** The object to store, with metadata.managedFields set (absent when empty). */
  object: KubeObject;
  managedFields: ManagedFieldsEntry[];
  /** False for a no-op apply: `object` equals the live object apart from managedFields. */
  changed: boolean;
}

/**
 * Server-side apply as kube-apiserver runs it (fieldmanager over structured-merge-diff):
 * the configuration is merged into the live object; its field set becomes the manager's
 * Apply-owned set; fields it applied before and no longer applies are removed unless
 * someone else owns them; fields other managers own with a different value conflict
 * (409) unless `force` moves them to this manager. `kubectl` (the manager of
 * `kubectl apply --server-side`) may take over, without conflict, fields whose live value
 * still matches the client-side last-applied annotation.
 *
 * @example
 * const { object } = serverSideApply({ live: undefined, applied, manager: 'kubectl', force: false,
 *   schema, apiVersion: 'apps/v1', now: new Date() });
 */
export function serverSideApply(options: ServerSideApplyOptions): ServerSideApplyResult {
  const { live, manager, schema } = options;
  const applied = structuredClone(options.applied);
  checkAppliedType(options);
  if (applied.metadata?.managedFields !== undefined) throw errors.badRequest('metadata.managedFields must be nil');

  let managed: ManagedFields;
  try {
    managed = decodeManagedFields(live?.metadata?.managedFields);
  } catch (err) {
    if (err instanceof ManagedFieldsError) throw errors.internal(`failed to decode managed fields: ${err.message}`);
    throw err;
  }

  let outcome: AppliedOutcome;
  try {
    outcome = applyOnce(options, cloneManaged(managed), options.force);
  } catch (err) {
    if (!(err instanceof ConflictsFound) || manager !== KUBECTL_APPLY_MANAGER) throw toStatus(err, options);
    const allowed = conflictsAllowedByLastApplied(live, schema);
    if (!allowed) throw toStatus(err, options);
    const remaining = err.conflicts.filter((c) => !allowed.has(c.path));
    if (remaining.length > 0) throw applyConflictError(remaining);
    outcome = applyOnce(options, cloneManaged(managed), true);
  }

  const object = outcome.object;
  syncLastAppliedAnnotation(object, applied, manager);
  const managedFields = encodeManagedFields(capUpdateManagers(outcome.managed));
  if (managedFields.length > 0) object.metadata.managedFields = managedFields;
  else delete object.metadata.managedFields;
  return { object, managedFields, changed: outcome.changed };
}

interface AppliedOutcome {
  object: KubeObject;
  managed: ManagedFields;
  changed: boolean;
}

class ConflictsFound extends Error {
  constructor(readonly conflicts: ApplyConflict[]) {
    super('apply conflicts');
  }
}

function applyOnce(options: ServerSideApplyOptions, managed: ManagedFields, force: boolean): AppliedOutcome {
  const { manager, schema, apiVersion, subresource } = options;
  const applied = structuredClone(options.applied);
  const ignored = ignoredFieldSet(options.ignoredPaths);
  const live = withoutManagedFields(options.live);
  const identity = { manager, operation: 'Apply' as const, apiVersion, subresource };
  const id = managerIdentifier(identity);

  const configSet = withoutIgnored(fieldSetOf(applied, schema, { allowDuplicates: false }), ignored);
  const previous = managed.get(id);
  managed.set(id, { ...identity, time: previous?.time, set: configSet });
  const merged = pruneDroppedFields({
    merged: mergeObjects(live ?? {}, applied, schema) as Record<string, unknown>,
    managed,
    lastApplied: previous?.set,
    schema,
  });

  takeOverChangedFields({ before: live ?? {}, after: merged, managed, self: id, force, schema, ignored });

  const own = managed.get(id);
  if (own) {
    own.set = own.set.difference(UNTRACKED_FIELDS);
    if (own.set.isEmpty()) managed.delete(id);
  }
  const changed = !deepEqual(live ?? {}, merged);
  // As upstream: the applier's time moves only when the apply changed the object.
  if (changed && managed.has(id)) managed.get(id)!.time = managedFieldsTime(options.now);
  const object = (changed ? merged : structuredClone(live ?? merged)) as KubeObject;
  object.metadata ??= {};
  return { object, managed, changed };
}

/**
 * Upstream's Updater.update: other managers owning a field this write added or modified
 * conflict (or, when forced, lose it); fields this write removed leave everyone's sets.
 */
function takeOverChangedFields(options: {
  before: unknown;
  after: unknown;
  managed: ManagedFields;
  self: string;
  force: boolean;
  schema: SchemaNode | undefined;
  ignored: FieldSet | undefined;
}): void {
  const { managed, self, ignored } = options;
  const comparison = compareObjects(options.before, options.after, options.schema);
  const changed = withoutIgnored(comparison.modified.union(comparison.added), ignored);
  const removed = withoutIgnored(comparison.removed, ignored);
  const conflicting: Array<{ id: string; set: FieldSet }> = [];
  for (const [id, fields] of managed) {
    if (id === self) continue;
    const taken = fields.set.intersection(changed);
    if (!taken.isEmpty()) conflicting.push({ id, set: taken });
  }
  if (!options.force && conflicting.length > 0) {
    throw new ConflictsFound(conflictsFrom(conflicting.map(({ id, set }) => ({ manager: managed.get(id)!, set }))));
  }
  for (const { id, set } of conflicting) managed.get(id)!.set = managed.get(id)!.set.difference(set);
  for (const [id, fields] of managed) {
    if (id !== self) fields.set = fields.set.difference(removed);
    if (fields.set.isEmpty()) managed.delete(id);
  }
}

function checkAppliedType(options: ServerSideApplyOptions): void {
  const expectedKind = options.kind ?? options.live?.kind ?? options.applied.kind ?? '';
  const got = gvkString(options.applied.apiVersion ?? '', options.applied.kind ?? '');
  if (got !== gvkString(options.apiVersion, expectedKind)) {
    // As upstream's versionCheckManager: the body must name the type the path serves.
    throw errors.badRequest(`invalid object type: ${got}`);
  }
}

/** schema.GroupVersionKind's String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
function gvkString(apiVersion: string, kind: string): string {
  const { group, version } = parseApiVersion(apiVersion);
  return `${group}/${version}, Kind=${kind}`;
}

function toStatus(err: unknown, options: ServerSideApplyOptions): unknown {
  if (err instanceof ConflictsFound) return applyConflictError(err.conflicts);
  if (err instanceof ShapeError) {
    // Upstream returns these as plain errors, which kube-apiserver answers with a 500.
    const meta = options.applied.metadata ?? {};
    const where = `${meta.namespace ?? ''}/${meta.name ?? ''}; ${gvkString(options.apiVersion, options.applied.kind ?? '')}`;
    return new StatusError(500, 'InternalError', `failed to create typed patch object (${where}): ${err.message}`);
  }
  return err;
}

function withoutManagedFields(object: KubeObject | undefined): KubeObject | undefined {
  if (!object) return undefined;
  const copy = structuredClone(object);
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

function cloneManaged(managed: ManagedFields): ManagedFields {
  return new Map([...managed].map(([id, fields]) => [id, { ...fields, set: fields.set.clone() }]));
}
