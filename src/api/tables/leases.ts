/** `kubectl get leases`: NAME HOLDER AGE. */
import type { TablePrinter } from '../resources/types.ts';
import { asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const leasePrinter: TablePrinter = {
  columns: [nameColumn, column('Holder', 'string', 'LeaseSpec.holderIdentity'), ageColumn],
  cells(lease, now) {
    return [nameOf(lease), asString(field(lease, 'spec', 'holderIdentity')), ageSince(lease.metadata.creationTimestamp, now)];
  },
};
