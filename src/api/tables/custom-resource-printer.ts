/**
 * Tables for custom resources, from their CRD version's additionalPrinterColumns, as
 * apiextensions-apiserver's tableconvertor: NAME, then one column per printer column with the
 * value its JSONPath reaches; when the CRD declares none, a single AGE column (type date) on
 * .metadata.creationTimestamp, as serveDefaultColumnsIfEmpty.
 */
import type { TableColumn, TablePrinter } from '../resources/types.ts';
import { nameOf } from './cell-format.ts';
import { nameColumn } from './columns.ts';
import { fieldDoc } from './field-docs.ts';
import { ageSince, parseTimestamp } from './human-duration.ts';
import { evaluateJsonPath } from './json-path.ts';

/** apiextensions.k8s.io/v1 CustomResourceColumnDefinition. */
export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

const defaultColumns: PrinterColumn[] = [
  { name: 'Age', type: 'date', description: fieldDoc['ObjectMeta.creationTimestamp'], jsonPath: '.metadata.creationTimestamp' },
];

export function customResourcePrinter(additionalPrinterColumns: PrinterColumn[] | undefined | null): TablePrinter {
  const printerColumns = additionalPrinterColumns && additionalPrinterColumns.length > 0 ? additionalPrinterColumns : defaultColumns;
  const columns: TableColumn[] = [
    nameColumn,
    ...printerColumns.map((c) => {
      const column: TableColumn = {
        name: c.name,
        type: c.type as TableColumn['type'],
        description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        priority: c.priority ?? 0,
      };
      if (c.format) column.format = c.format;
      return column;
    }),
  ];
  return {
    columns,
    cells(obj, now) {
      return [nameOf(obj), ...printerColumns.map((c) => cellFor(c, evaluateJsonPath(c.jsonPath, obj), now))];
    },
  };
}

/** The first value found, typed as the column says; null (an empty cell) when it does not fit. */
function cellFor(column: PrinterColumn, results: unknown[], now: Date): unknown {
  if (results.length === 0 || results[0] === undefined || results[0] === null) return null;
  const value = results[0];
  switch (column.type) {
    case 'string':
      return printResult(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      if (value === '' || value === 'null') return '<unknown>';
      // A date column prints as an age; text that is no RFC 3339 time reads <invalid>.
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return '<invalid>';
      return parseTimestamp(value) ? ageSince(value, now) : '<unknown>';
    }
    default:
      return null;
  }
}

/** jsonpath PrintResults: strings raw, maps and lists as compact JSON with sorted keys, numbers as Go prints them. */
function printResult(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(sortKeys(value));
}

/**
 * Unstructured JSON holds whole numbers as int64 and the rest as float64, which Go's %v prints
 * as %g in the shortest form: an exponent below 1e-4 or from 1e6 (1.5e-05, 1.2345675e+06).
 */
function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, exp] = value.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
