import type { KubeObject, ManagedFieldsEntry } from '../meta/object.ts';
import type { SchemaNode } from '../schema/merge-meta.ts';
import { compareObjects } from './compare.ts';
import { FieldSet } from './field-set.ts';
import { ignoredFieldSet, withoutIgnored } from './ignored-fields.ts';
import {
  capUpdateManagers,
  decodeManagedFields,
  encodeManagedFields,
  managedFieldsTime,
  managerIdentifier,
  UNTRACKED_FIELDS,
  type ManagedFields,
} from './managers.ts';
import { zeroObjectFor } from './zero-object.ts';

export interface TrackUpdateOptions {
  /** The stored object; undefined on create. */
  live: KubeObject | undefined;
  /** The object about to be stored (after patching, defaulting and status reset). */
  updated: KubeObject;
  /** From the fieldManager parameter, else fieldManagerFromUserAgent(). */
  manager: string;
  operation: 'Update';
  /** `status`, `scale`... for writes to a subresource. */
  subresource?: string;
  /** The API version of the request path, e.g. `apps/v1`. */
  apiVersion: string;
  now: Date;
  schema: SchemaNode | undefined;
  /** Paths this write may not own (upstream's reset fields), e.g. [['status']]. */
  ignoredPaths?: string[][];
}

/**
 * managedFields after an ordinary write (create, update, patch), as kube-apiserver's field
 * manager computes them: the writer's Update entry gains every field the write added or
 * changed (on create: every field set), other managers lose those fields and every field
 * the write removed, and entries left empty disappear. The writer's time moves only when
 * it gained something.
 *
 * Where the request's own managedFields come in, as upstream: on the main resource a
 * client may replace managedFields wholesale; `[]` or `[{}]` resets them; sending none
 * keeps the stored ones. Writes to a subresource always start from the stored ones.
 *
 * Returns the entries to store; an empty array means metadata.managedFields is omitted.
 */
export function trackUpdate(options: TrackUpdateOptions): ManagedFieldsEntry[] {
  const { live, updated, manager, subresource, apiVersion, schema } = options;
  const start = startingManagedFields(live, updated, subresource !== undefined && subresource !== '');
  if (start.kind === 'undecodable') return updated.metadata?.managedFields ?? [];
  const managed = start.managed;
  const ignored = ignoredFieldSet(options.ignoredPaths);

  const before = live ? withoutManagedFields(live) : zeroObjectFor(schema);
  const comparison = compareObjects(before, withoutManagedFields(updated), schema);
  const changed = withoutIgnored(comparison.modified.union(comparison.added), ignored);
  const removed = withoutIgnored(comparison.removed, ignored);

  // Every existing entry, this writer's previous one included, gives up what was written;
  // the writer takes it back below (upstream runs the write as a "current-operation").
  for (const [id, fields] of managed) {
    const rest = fields.set.difference(changed).difference(removed);
    if (rest.isEmpty()) managed.delete(id);
    else fields.set = rest;
  }

  const gained = changed.difference(UNTRACKED_FIELDS);
  if (!gained.isEmpty()) {
    const identity = { manager, operation: 'Update' as const, apiVersion, subresource: subresource || undefined };
    const id = managerIdentifier(identity);
    const previous = managed.get(id)?.set ?? new FieldSet();
    managed.set(id, { ...identity, set: previous.union(gained), time: managedFieldsTime(options.now) });
  }
  return encodeManagedFields(capUpdateManagers(managed));
}

type Start =
  | { kind: 'undecodable' }
  | { kind: 'decoded'; managed: ManagedFields };

/** Upstream's decodeLiveOrNew: which managedFields a write starts from. */
function startingManagedFields(live: KubeObject | undefined, updated: KubeObject, subresourceWrite: boolean): Start {
  const decodeOrUndefined = (entries: ManagedFieldsEntry[] | undefined): ManagedFields | undefined => {
    try {
      return decodeManagedFields(entries);
    } catch {
      return undefined;
    }
  };
  const fromLive = () => decodeOrUndefined(live?.metadata?.managedFields);
  let managed: ManagedFields | undefined;
  if (subresourceWrite) managed = fromLive();
  else if (isReset(updated.metadata?.managedFields)) managed = new Map();
  else {
    const sent = decodeOrUndefined(updated.metadata?.managedFields);
    managed = sent && sent.size > 0 ? sent : fromLive();
  }
  if (!managed) return { kind: 'undecodable' };
  return { kind: 'decoded', managed };
}

/** `managedFields: []` or a single empty entry: the client asks to clear them (isResetManagedFields). */
function isReset(entries: ManagedFieldsEntry[] | undefined): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && Object.keys(entries[0] ?? {}).length === 0;
}

function withoutManagedFields(object: KubeObject): Record<string, unknown> {
  const copy = structuredClone(object) as KubeObject;
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/**
 * The manager name of a write without `fieldManager`, as upstream's prefixFromUserAgent:
 * the user agent up to its first `/`, printable characters only, at most 128 of them
 * (`kubectl/v1.20.0 (linux/amd64) kubernetes/abc` -> `kubectl`).
 */
export function fieldManagerFromUserAgent(userAgent: string | undefined): string {
  const prefix = (userAgent ?? '').split('/')[0];
  let out = '';
  for (const ch of prefix) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) continue;
    if (out.length >= 128) break;
    out += ch;
  }
  return out;
}

/** The fieldManager parameter when given, else the name derived from the user agent. */
export function resolveFieldManager(fieldManager: string | undefined, userAgent: string | undefined): string {
  return fieldManager ? fieldManager : fieldManagerFromUserAgent(userAgent);
}
