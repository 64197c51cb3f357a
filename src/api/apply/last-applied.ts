import type { SchemaNode } from '../schema/merge-meta.ts';
import type { KubeObject } from '../meta/object.ts';
import { compareObjects } from './compare.ts';
import type { FieldSet } from './field-set.ts';
import { fieldSetOf } from './object-field-set.ts';

/** The annotation client-side `kubectl apply` keeps its configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Only `kubectl apply --server-side` (manager "kubectl") takes part in the upgrade path. */
export const KUBECTL_APPLY_MANAGER = 'kubectl';

/** Upstream's limit on the total size of an object's annotations (TotalAnnotationSizeLimitB). */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/**
 * Fields that `kubectl apply --server-side` may take over without a conflict when moving
 * from client-side apply (upstream's lastAppliedManager): those in the live object's
 * last-applied configuration whose live value still equals it. Undefined when there is no
 * usable annotation.
 */
export function conflictsAllowedByLastApplied(live: KubeObject | undefined, schema: SchemaNode | undefined): FieldSet | undefined {
  const text = live?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  try {
    const set = fieldSetOf(lastApplied, schema);
    return set.difference(compareObjects(lastApplied, live, schema).modified);
  } catch {
    return undefined;
  }
}

/**
 * Keeps the client-side apply annotation in step with a server-side apply by "kubectl"
 * when the object already carries one (upstream's lastAppliedUpdater), so that a later
 * client-side apply computes its patch from what was really applied. Mutates `object`.
 */
export function syncLastAppliedAnnotation(object: KubeObject, applied: KubeObject, manager: string): void {
  if (manager !== KUBECTL_APPLY_MANAGER) return;
  const annotations = object.metadata.annotations;
  if (!annotations?.[LAST_APPLIED_ANNOTATION]) return;
  const copy = structuredClone(applied);
  if (copy.metadata?.annotations) delete copy.metadata.annotations[LAST_APPLIED_ANNOTATION];
  const next: Record<string, string> = { ...annotations, [LAST_APPLIED_ANNOTATION]: goJson(copy) + '\n' };
  let size = 0;
  for (const [k, v] of Object.entries(next)) size += k.length + v.length;
  if (size > ANNOTATIONS_SIZE_LIMIT) delete next[LAST_APPLIED_ANNOTATION];
  object.metadata.annotations = next;
}

/** JSON as Go's encoder writes a map: keys sorted, and <, > and & escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((k) => [k, sortKeys(record[k])]));
  }
  return value;
}
