/**
 * Builds the meta.k8s.io Table kube-apiserver returns for list and get requests that ask
 * `as=Table` (kubectl get), as apiserver's asTable over the printers' GenerateTable: every
 * column (the server prints wide; kubectl hides priority > 0), rows carrying a
 * PartialObjectMetadata by default, the full object with includeObject=Object, none with None.
 */
import type { KubeObject, ObjectMeta } from '../meta/object.ts';
import type { TableColumn, TablePrinter } from '../resources/types.ts';
import { SelectorError } from '../selectors/selector-error.ts';
import { hasRowConditions, type TableRowCondition } from './row-conditions.ts';

export { negotiateAs, negotiateOutput, type OutputNegotiation, type NegotiatedAs } from './negotiate.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface ToTableOptions {
  printer: TablePrinter;
  items: KubeObject[];
  now: Date;
  /** The `includeObject` query parameter; '' or undefined mean Metadata. */
  includeObject?: IncludeObject | string;
  /** The list's (or, for a get, the object's) resourceVersion. */
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
  /** meta.k8s.io version the client asked for; v1 unless it asked v1beta1. */
  version?: 'v1' | 'v1beta1';
  /** Omit column definitions (watch events after the first), as TableOptions.NoHeaders. */
  noHeaders?: boolean;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object: Record<string, unknown> | null;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: Array<Required<Omit<TableColumn, 'format'>> & { format: string }> | null;
  rows: TableRow[];
}

export function toTable(options: ToTableOptions): Table {
  const include = options.includeObject || 'Metadata';
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object') {
    throw new SelectorError(`unrecognized includeObject value: ${JSON.stringify(include)}`);
  }
  const apiVersion = `meta.k8s.io/${options.version ?? 'v1'}`;
  const metadata: Table['metadata'] = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continue) metadata.continue = options.continue;
  if (options.remainingItemCount !== undefined && options.remainingItemCount !== null) metadata.remainingItemCount = options.remainingItemCount;

  const { printer } = options;
  const rows = options.items.map((item): TableRow => {
    const row: TableRow = { cells: printer.cells(item, options.now), object: null };
    const conditions = hasRowConditions(printer) ? printer.rowConditions(item) : undefined;
    if (conditions) row.conditions = conditions;
    if (include === 'Object') row.object = item;
    else if (include === 'Metadata') row.object = partialObjectMetadata(item.metadata, apiVersion);
    return row;
  });

  return {
    kind: 'Table',
    apiVersion,
    metadata,
    // TableColumnDefinition serializes every field, format and description included.
    columnDefinitions: options.noHeaders
      ? null
      : printer.columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority })),
    rows,
  };
}

/** meta.AsPartialObjectMetadata: the object's metadata under kind PartialObjectMetadata. */
export function partialObjectMetadata(metadata: ObjectMeta, apiVersion = 'meta.k8s.io/v1'): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion, metadata };
}
