import type { SchemaNode } from './merge-meta.ts';

/**
 * Drops fields the schema does not know, in place (as decoding into upstream's Go structs
 * does for built-in kinds, and as structural-schema pruning does for custom resources).
 * apiVersion and kind are always kept; preserveUnknownFields subtrees are left alone.
 */
export function pruneUnknownFields(schema: SchemaNode, obj: unknown): void {
  prune(schema, obj, true);
}

function prune(schema: SchemaNode, value: unknown, root: boolean): void {
  if (value === null || typeof value !== 'object' || schema.preserveUnknownFields || schema.intOrString) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) prune(schema.items, item, false);
    return;
  }
  const record = value as Record<string, unknown>;
  if (schema.properties) {
    for (const key of Object.keys(record)) {
      const child = schema.properties[key];
      if (child) prune(child, record[key], false);
      else if (!(root && (key === 'apiVersion' || key === 'kind'))) {
        if (!schema.additionalProperties) delete record[key];
        else prune(schema.additionalProperties, record[key], false);
      }
    }
  } else if (schema.additionalProperties) {
    for (const key of Object.keys(record)) prune(schema.additionalProperties, record[key], false);
  }
}
