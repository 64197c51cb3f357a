/**
 * Structural-schema defaulting (apiextensions' `default`): a missing property with a
 * default gets it, recursively through objects, maps and list items. Defaults apply to
 * values the client omitted, never overwrite, and `null` is left as sent unless nullable
 * is false (then upstream drops it and defaults it).
 */
export function applySchemaDefaults(schema: Record<string, unknown>, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const items = schema.items as Record<string, unknown> | undefined;
    if (items) for (const item of value) applySchemaDefaults(items, item);
    return;
  }
  const record = value as Record<string, unknown>;
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (props) {
    for (const [name, sub] of Object.entries(props)) {
      if (name === 'metadata' && schema === undefined) continue;
      if (record[name] === null && sub.nullable !== true && sub.default !== undefined) delete record[name];
      if (record[name] === undefined && sub.default !== undefined) record[name] = structuredClone(sub.default);
      if (record[name] !== undefined) applySchemaDefaults(sub, record[name]);
    }
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === 'object') {
    for (const key of Object.keys(record)) if (!props?.[key]) applySchemaDefaults(additional as Record<string, unknown>, record[key]);
  }
}
