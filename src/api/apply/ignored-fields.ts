import { FieldSet } from './field-set.ts';
import { fieldElement } from './path-element.ts';

/**
 * Reset fields (upstream's ResetFieldsStrategy): paths a write may not own, such as
 * `status` on the main resource of a kind with a status subresource. Given as field
 * names from the root; every path at or below one of them is ignored.
 */
export function ignoredFieldSet(paths: string[][] | undefined): FieldSet | undefined {
  if (!paths || paths.length === 0) return undefined;
  return FieldSet.of(...paths.map((path) => path.map(fieldElement)));
}

export function withoutIgnored(set: FieldSet, ignored: FieldSet | undefined): FieldSet {
  return ignored ? set.withoutPrefixes(ignored) : set;
}
