import type { KubeObject } from '../meta/object.ts';

/** meta.k8s.io/v1 TableRowCondition. */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/**
 * A printer that also marks rows with conditions (upstream marks finished pods `Completed`).
 * An optional extension of TablePrinter: toTable asks for it when a printer has it.
 */
export interface RowConditionPrinter {
  rowConditions(obj: KubeObject): TableRowCondition[] | undefined;
}

export function hasRowConditions(printer: object): printer is RowConditionPrinter {
  return typeof (printer as Partial<RowConditionPrinter>).rowConditions === 'function';
}
