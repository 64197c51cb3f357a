import type { SchemaNode } from '../schema/merge-meta.ts';
import type { FieldSet } from './field-set.ts';
import { fieldElement } from './path-element.ts';
import { childSchema, isPlainObject, listItemElement, shapeOf } from './schema-shape.ts';

/**
 * Removes from `value` every field, map entry and list item that is a member of
 * `toRemove`, as upstream's TypedValue.RemoveItems. A granular map or associative list
 * emptied by the removal disappears (upstream leaves a null there, which decoding drops);
 * atomic values are never entered.
 */
export function removeItems(value: unknown, toRemove: FieldSet, schema: SchemaNode | undefined): unknown {
  if (toRemove.isEmpty()) return value;
  const shape = shapeOf(schema, value);
  if (shape.kind === 'leaf' || shape.atomic) return value;

  if (shape.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0) return value;
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const pe = listItemElement(shape, item, index);
      if (toRemove.members.has(pe)) return;
      const below = toRemove.children.get(pe);
      const rest = below ? removeItems(item, below, shape.items) : item;
      if (rest !== undefined) kept.push(rest);
    });
    return kept.length > 0 ? kept : undefined;
  }

  if (!isPlainObject(value) || Object.keys(value).length === 0) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const pe = fieldElement(key);
    if (toRemove.members.has(pe)) continue;
    const below = toRemove.children.get(pe);
    const rest = below ? removeItems(child, below, childSchema(shape.schema, key)) : child;
    if (rest !== undefined) kept[key] = rest;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
