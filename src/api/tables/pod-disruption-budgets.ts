/** `kubectl get pdb`: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
import type { TablePrinter } from '../resources/types.ts';
import { asNumber, field, intOrString, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const podDisruptionBudgetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Min Available', 'string', described('The minimum number of pods that must be available.')),
    column('Max Unavailable', 'string', described('The maximum number of pods that may be unavailable.')),
    column('Allowed Disruptions', 'integer', described('Calculated number of pods that may be disrupted at this time.')),
    ageColumn,
  ],
  cells(pdb, now) {
    const min = field(pdb, 'spec', 'minAvailable');
    const max = field(pdb, 'spec', 'maxUnavailable');
    return [
      nameOf(pdb),
      min === undefined || min === null ? 'N/A' : intOrString(min),
      max === undefined || max === null ? 'N/A' : intOrString(max),
      asNumber(field(pdb, 'status', 'disruptionsAllowed')),
      ageSince(pdb.metadata.creationTimestamp, now),
    ];
  },
};
