import { StatusError } from '../errors.ts';
import type { FieldSet } from './field-set.ts';
import type { ManagerFields } from './managers.ts';
import { describePath, type PathElement } from './path-element.ts';

/** One field another manager owns with a different value. */
export interface ApplyConflict {
  manager: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>;
  path: PathElement[];
}

/** Conflicts per manager, in upstream's iteration order of each manager's set. */
export function conflictsFrom(byManager: Array<{ manager: ApplyConflict['manager']; set: FieldSet }>): ApplyConflict[] {
  const sorted = [...byManager].sort((a, b) => compare(describeManager(a.manager), describeManager(b.manager)));
  return sorted.flatMap(({ manager, set }) => set.paths().map((path) => ({ manager, path })));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How upstream names a manager in conflicts (printManager): `"kubectl"` for an applier,
 * `"kube-controller-manager" using apps/v1` for an updater, with the subresource if any.
 */
export function describeManager(manager: ApplyConflict['manager']): string {
  let text = JSON.stringify(manager.manager);
  if (manager.subresource) text += ` with subresource ${JSON.stringify(manager.subresource)}`;
  if (manager.operation === 'Update') text += ` using ${manager.apiVersion}`;
  return text;
}

/**
 * The 409 kube-apiserver answers an apply with (NewApplyConflict): reason Conflict, one
 * FieldManagerConflict cause per field, and a message listing them.
 */
export function applyConflictError(conflicts: ApplyConflict[]): StatusError {
  const causes = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describeManager(c.manager)}`,
    field: describePath(c.path),
  }));
  return new StatusError(409, 'Conflict', conflictMessage(conflicts), { causes });
}

function conflictMessage(conflicts: ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const [only] = conflicts;
    return `Apply failed with 1 conflict: conflict with ${describeManager(only.manager)}: ${describePath(only.path)}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const name = describeManager(c.manager);
    byManager.set(name, [...(byManager.get(name) ?? []), describePath(c.path)]);
  }
  const lines: string[] = [];
  for (const name of [...byManager.keys()].sort(compare)) {
    lines.push(`conflicts with ${name}:`);
    for (const path of byManager.get(name)!) lines.push(`- ${path}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
