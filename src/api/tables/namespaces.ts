/** `kubectl get namespaces`: NAME STATUS AGE. */
import type { TablePrinter } from '../resources/types.ts';
import { asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const namespacePrinter: TablePrinter = {
  columns: [nameColumn, column('Status', 'string', described('The status of the namespace')), ageColumn],
  cells(ns, now) {
    return [nameOf(ns), asString(field(ns, 'status', 'phase')), ageSince(ns.metadata.creationTimestamp, now)];
  },
};
