import type { ManagedFieldsEntry } from '../meta/object.ts';
import { FieldSet, FieldsV1Error } from './field-set.ts';
import { fieldElement } from './path-element.ts';

/** One manager's fields, decoded from a managedFields entry. */
export interface ManagerFields {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  /** RFC 3339, seconds precision; absent when no write of this manager changed the object. */
  time?: string;
  set: FieldSet;
}

/** Managers by identifier (see managerIdentifier). Insertion order is irrelevant: encoding sorts. */
export type ManagedFields = Map<string, ManagerFields>;

export class ManagedFieldsError extends Error {}

/**
 * The identity of a manager, as upstream's BuildManagerIdentifier: the JSON of the entry
 * without time and fields, and for appliers without apiVersion, so that one applier keeps
 * one entry whatever version it applies through, while updaters get one entry per version.
 */
export function managerIdentifier(entry: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: Record<string, string> = {};
  if (entry.manager) id.manager = entry.manager;
  id.operation = entry.operation;
  if (entry.operation !== 'Apply' && entry.apiVersion) id.apiVersion = entry.apiVersion;
  if (entry.subresource) id.subresource = entry.subresource;
  return JSON.stringify(id);
}

/** Decodes metadata.managedFields; throws ManagedFieldsError where upstream fails to decode. */
export function decodeManagedFields(entries: readonly ManagedFieldsEntry[] | undefined): ManagedFields {
  const managed: ManagedFields = new Map();
  (entries ?? []).forEach((entry, index) => {
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') {
      throw new ManagedFieldsError('operation must be `Apply` or `Update`');
    }
    if (!entry.apiVersion) throw new ManagedFieldsError('apiVersion must not be empty');
    if (!entry.fieldsType) throw new ManagedFieldsError(`missing fieldsType in managed fields entry ${index}`);
    if (entry.fieldsType !== 'FieldsV1') {
      throw new ManagedFieldsError(`invalid fieldsType ${JSON.stringify(entry.fieldsType)} in managed fields entry ${index}`);
    }
    let set: FieldSet;
    try {
      set = FieldSet.fromFieldsV1(entry.fieldsV1 ?? {});
    } catch (err) {
      if (err instanceof FieldsV1Error) throw new ManagedFieldsError(`error decoding versioned set: ${err.message}`);
      throw err;
    }
    const fields: ManagerFields = {
      manager: entry.manager ?? '',
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      set,
    };
    if (entry.subresource) fields.subresource = entry.subresource;
    if (entry.time) fields.time = entry.time;
    managed.set(managerIdentifier(fields), fields);
  });
  return managed;
}

/**
 * Encodes managers as metadata.managedFields, sorted as upstream: appliers before updaters,
 * then by time (seconds), manager, apiVersion and subresource. Empty sets are dropped.
 */
export function encodeManagedFields(managed: ManagedFields): ManagedFieldsEntry[] {
  const entries: ManagedFieldsEntry[] = [];
  for (const fields of managed.values()) {
    if (fields.set.isEmpty()) continue;
    const entry: ManagedFieldsEntry = {};
    if (fields.manager) entry.manager = fields.manager;
    entry.operation = fields.operation;
    entry.apiVersion = fields.apiVersion;
    if (fields.time) entry.time = fields.time;
    entry.fieldsType = 'FieldsV1';
    entry.fieldsV1 = fields.set.toFieldsV1();
    if (fields.subresource) entry.subresource = fields.subresource;
    entries.push(entry);
  }
  return entries.sort(compareEntries);
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  if (p.operation !== q.operation) return (p.operation ?? '') < (q.operation ?? '') ? -1 : 1;
  const ps = seconds(p.time);
  const qs = seconds(q.time);
  if (ps !== qs) return ps - qs;
  for (const key of ['manager', 'apiVersion', 'subresource'] as const) {
    const a = p[key] ?? '';
    const b = q[key] ?? '';
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

function seconds(time: string | undefined): number {
  if (!time) return 0;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** Times in managedFields have second precision (metav1.Time). */
export function managedFieldsTime(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Fields never tracked for the manager of a write, as upstream's stripMetaManager removes
 * them (exact paths: `metadata.labels` below `metadata` stays tracked).
 */
export const UNTRACKED_FIELDS: FieldSet = FieldSet.of(
  [fieldElement('apiVersion')],
  [fieldElement('kind')],
  [fieldElement('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map(
    (name) => [fieldElement('metadata'), fieldElement(name)],
  ),
);

/** Upstream keeps at most this many Update entries (DefaultMaxUpdateManagers). */
export const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/**
 * Folds the oldest Update entries into one `ancient-changes` entry per apiVersion until at
 * most `max` remain, as upstream's capManagersManager, so that many short-lived writers do
 * not grow managedFields without bound.
 */
export function capUpdateManagers(managed: ManagedFields, max = MAX_UPDATE_MANAGERS): ManagedFields {
  const updaters = [...managed.entries()].filter(([, f]) => f.operation === 'Update');
  if (updaters.length <= max) return managed;
  updaters.sort(([idA, a], [idB, b]) => {
    if (!a.time) return -1;
    if (!b.time) return 1;
    const byTime = seconds(a.time) - seconds(b.time);
    if (byTime !== 0) return byTime;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const firstOfVersion = new Map<string, string>();
  let count = updaters.length;
  for (const [id, fields] of updaters) {
    if (count <= max) break;
    const bucket = managerIdentifier({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: fields.apiVersion });
    const first = firstOfVersion.get(fields.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(fields.apiVersion, id);
      continue;
    }
    if (!managed.has(bucket)) {
      const seed = managed.get(first)!;
      managed.delete(first);
      managed.set(bucket, { ...seed, manager: ANCIENT_CHANGES, subresource: undefined });
    }
    const existing = managed.get(bucket)!;
    managed.set(bucket, { ...existing, set: existing.set.union(fields.set), time: fields.time });
    managed.delete(id);
    count--;
  }
  return managed;
}
