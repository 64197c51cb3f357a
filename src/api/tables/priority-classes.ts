/** `kubectl get priorityclasses`: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
import type { TablePrinter } from '../resources/types.ts';
import { asNumber, asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const priorityClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Value', 'integer', 'PriorityClass.value'),
    column('Global-Default', 'boolean', 'PriorityClass.globalDefault'),
    ageColumn,
    column('PreemptionPolicy', 'string', 'PriorityClass.preemptionPolicy'),
  ],
  cells(pc, now) {
    return [
      nameOf(pc),
      asNumber(field(pc, 'value')),
      field(pc, 'globalDefault') === true,
      ageSince(pc.metadata.creationTimestamp, now),
      asString(field(pc, 'preemptionPolicy')),
    ];
  },
};
