/**
 * Cell formatting shared by several printers, each reproducing one helper of
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go or of apimachinery.
 */
import type { KubeObject } from '../meta/object.ts';
import { labelSelectorString } from '../selectors/label-selector-format.ts';

/** A loosely typed view of nested JSON, for reading optional fields without casts everywhere. */
export type Json = Record<string, any>;

/** Reads a nested field: `field(obj, 'spec', 'replicas')`; undefined when any step is missing. */
export function field(obj: unknown, ...path: string[]): any {
  let at: any = obj;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = at[step];
  }
  return at;
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value : [];
}

export function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata?.name ?? '';
}

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  if (!labels || typeof labels !== 'object') return '<none>';
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${(labels as Record<string, string>)[k]}`);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/**
 * metav1.FormatLabelSelector: the selector's string form, `<none>` when it selects
 * nothing or everything, `<error>` when it does not convert.
 */
export function formatLabelSelector(selector: unknown): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text === '' ? '<none>' : text;
}

/** layoutContainerCells: container names and images, each joined by commas. */
export function containerCells(containers: unknown): [names: string, images: string] {
  const list = asArray(containers);
  return [list.map((c) => asString(c.name)).join(','), list.map((c) => asString(c.image)).join(',')];
}

/** printBoolPtr: `True`/`False`, `<unset>` when absent. */
export function boolPtr(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

/** An IntOrString as Go's intstr.String() prints it. */
export function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(value) : asString(value);
}

/**
 * A resource.Quantity as stored. The API stores quantities in canonical form, so the stored
 * text is what Quantity.String() prints.
 */
export function quantity(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : '0';
}

/** listWithMoreString: at most `max` entries, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length === 0 ? '<unset>' : items.join(',');
}
