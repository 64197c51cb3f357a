/** Builders for the TableColumnDefinitions every printer shares, with upstream's descriptions. */
import type { TableColumn } from '../resources/types.ts';
import { fieldDoc } from './field-docs.ts';

export type FieldDocKey = keyof typeof fieldDoc;

/** The NAME column: format `name`, described by ObjectMeta.name. */
export const nameColumn: TableColumn = { name: 'Name', type: 'string', format: 'name', description: fieldDoc['ObjectMeta.name'], priority: 0 };

/** The AGE column: printed as a human duration, hence type string, described by ObjectMeta.creationTimestamp. */
export const ageColumn: TableColumn = { name: 'Age', type: 'string', description: fieldDoc['ObjectMeta.creationTimestamp'], priority: 0 };

/**
 * A column whose description is the documentation of an API field (`doc` names it as
 * `Type.field`) or, when upstream wrote its own sentence, that sentence.
 */
export function column(
  name: string,
  type: TableColumn['type'],
  doc: FieldDocKey | { text: string },
  priority = 0,
): TableColumn {
  const description = typeof doc === 'string' ? fieldDoc[doc] : doc.text;
  return { name, type, description, priority };
}

/** Shorthand for a column described by upstream's own sentence. */
export function described(text: string): { text: string } {
  return { text };
}

export const containersColumn = column('Containers', 'string', described('Names of each container in the template.'), 1);
export const imagesColumn = column('Images', 'string', described('Images referenced by each container in the template.'), 1);
