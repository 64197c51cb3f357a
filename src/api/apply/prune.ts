import type { SchemaNode } from '../schema/merge-meta.ts';
import { FieldSet } from './field-set.ts';
import type { ManagedFields } from './managers.ts';
import { ensureNamedFieldsAreMembers, fieldSetOf } from './object-field-set.ts';
import { removeItems } from './remove-items.ts';

/**
 * Removes what an applier applied last time but not this time, unless another manager
 * (applier or updater) or the new configuration still owns it: upstream's Updater.prune
 * with its addBackOwnedItems and addBackDanglingItems steps, expressed on field sets.
 * `managed` already holds the applier's new set.
 */
export function pruneDroppedFields(options: {
  merged: Record<string, unknown>;
  managed: ManagedFields;
  lastApplied: FieldSet | undefined;
  schema: SchemaNode | undefined;
}): Record<string, unknown> {
  const { merged, managed, lastApplied, schema } = options;
  if (!lastApplied || lastApplied.isEmpty()) return merged;
  const named = (set: FieldSet) => ensureNamedFieldsAreMembers(set, schema);
  const setOf = (value: unknown) => named(fieldSetOf(value ?? {}, schema));
  const last = named(lastApplied);

  let owned = new FieldSet();
  for (const fields of managed.values()) owned = owned.union(fields.set);
  owned = named(owned);

  const mergedSet = setOf(merged);
  // Everything the last configuration held goes; then whatever someone still owns comes back...
  const withoutLast = removeItems(merged, last, schema);
  const keptOwned = removeItems(merged, mergedSet.difference(setOf(withoutLast).union(owned)), schema);
  // ...and only what the applier itself had owned is finally removed.
  const result = removeItems(merged, mergedSet.difference(setOf(keptOwned)).intersection(last), schema);
  return (result as Record<string, unknown> | undefined) ?? {};
}
