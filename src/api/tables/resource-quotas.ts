/** `kubectl get quota`: NAME REQUEST LIMIT AGE, each cell `resource: used/hard` over status.hard. */
import type { TablePrinter } from '../resources/types.ts';
import { field, nameOf, quantity } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const resourceQuotaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Request', 'string', described('Request represents a minimum amount of cpu/memory that a container may consume.')),
    column(
      'Limit',
      'string',
      described('Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ),
    ageColumn,
  ],
  cells(quota, now) {
    const hard = (field(quota, 'status', 'hard') ?? {}) as Record<string, unknown>;
    const used = (field(quota, 'status', 'used') ?? {}) as Record<string, unknown>;
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort()) {
      const text = `${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`;
      // `limits.cpu` and friends go to LIMIT; everything else, `requests.*` included, to REQUEST.
      const pieces = resource.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests).push(text);
    }
    return [nameOf(quota), requests.join(', '), limits.join(', '), ageSince(quota.metadata.creationTimestamp, now)];
  },
};
