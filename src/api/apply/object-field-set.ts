import type { SchemaNode } from '../schema/merge-meta.ts';
import { FieldSet } from './field-set.ts';
import { describePath, describePathElement, fieldElement, type PathElement } from './path-element.ts';
import { childSchema, isNamedField, isPlainObject, listItemElement, schemaBelow, shapeOf, ShapeError } from './schema-shape.ts';

/**
 * The set of fields an object sets, as upstream's TypedValue.ToFieldSet:
 * - scalars, atomic lists and atomic maps are leaves;
 * - every item of an associative list (map or set) is a member, and so are its fields;
 * - map entries that are not declared struct fields are members (labels, deduced maps);
 * - a declared field is a member only when it is null or an empty map, so that owning
 *   `resources: {}` is possible; otherwise only its contents are.
 *
 * @example fieldSetOf({ metadata: { labels: { app: 'x' } } }, undefined).toFieldsV1()
 *   // { 'f:metadata': { '.': {}, 'f:labels': { '.': {}, 'f:app': {} } } }  (no schema: every entry is a member)
 */
export function fieldSetOf(
  value: unknown,
  schema: SchemaNode | undefined,
  options: { allowDuplicates?: boolean } = {},
): FieldSet {
  const set = new FieldSet();
  walk(value, schema, [], set, options.allowDuplicates ?? true);
  return set;
}

function walk(value: unknown, schema: SchemaNode | undefined, path: PathElement[], set: FieldSet, allowDuplicates: boolean): void {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'leaf' || shape.atomic) {
    set.insert(path);
    return;
  }
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) return;
    // Duplicated items (tolerated in live objects) are owned as a whole, as upstream does.
    const elements = value.map((item, index) => listItemElement(shape, item, index, path));
    const counts = new Map<PathElement, number>();
    for (const pe of elements) counts.set(pe, (counts.get(pe) ?? 0) + 1);
    value.forEach((item, index) => {
      const pe = elements[index];
      if (counts.get(pe)! > 1) {
        if (!allowDuplicates) throw new ShapeError(`${describePath(path)}: duplicate entries for key ${describePathElement(pe)}`);
        set.insert([...path, pe]);
        return;
      }
      walk(item, shape.items, [...path, pe], set, allowDuplicates);
      set.insert([...path, pe]);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const childPath = [...path, fieldElement(key)];
    walk(child, childSchema(shape.schema, key), childPath, set, allowDuplicates);
    if (child === null || (isPlainObject(child) && Object.keys(child).length === 0) || !isNamedField(shape.schema, key)) {
      set.insert(childPath);
    }
  }
}

/**
 * Adds, as members, the declared struct fields that only appear as parents in `set`
 * (upstream's EnsureNamedFieldsAreMembers): `.spec.replicas` also yields `.spec`, while a
 * map entry's parent map (`.metadata.labels`) is not added. Pruning uses this so that a
 * struct emptied of everything its owner applied disappears with it.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, schema: SchemaNode | undefined): FieldSet {
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [pe, child] of set.children) {
    if (pe.startsWith('f:') && isNamedField(schema, pe.slice(2))) out.members.add(pe);
    out.children.set(pe, ensureNamedFieldsAreMembers(child, schemaBelow(schema, pe)));
  }
  return out;
}
