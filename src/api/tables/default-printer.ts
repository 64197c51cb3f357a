/**
 * The printer of resources without one of their own (roles, clusterroles, limitranges,
 * customresourcedefinitions, ...): NAME and CREATED AT, as apiserver's DefaultTableConvertor.
 * CREATED AT is a `date` column holding the RFC 3339 time in UTC, which kubectl shows as-is.
 */
import type { TablePrinter } from '../resources/types.ts';
import { nameOf } from './cell-format.ts';
import { column, nameColumn } from './columns.ts';
import { parseTimestamp } from './human-duration.ts';

export const defaultPrinter: TablePrinter = {
  columns: [nameColumn, column('Created At', 'date', 'ObjectMeta.creationTimestamp')],
  cells(obj) {
    return [nameOf(obj), createdAt(obj.metadata.creationTimestamp)];
  },
};

/** time.Time.UTC().Format(time.RFC3339): whole seconds, `Z`; Go's zero time when unset. */
export function createdAt(timestamp: unknown): string {
  const at = parseTimestamp(timestamp);
  if (!at) return '0001-01-01T00:00:00Z';
  return `${at.toISOString().slice(0, 19)}Z`;
}
