/**
 * metav1.LabelSelector checks and matching, as upstream
 * metav1validation.ValidateLabelSelector and metav1.LabelSelectorAsSelector.
 */
import type { StatusCause } from '../errors.ts';
import { asList, asObject, type Json } from './json-access.ts';
import { child, forbidden, index, invalid, required, type FieldPath } from './field-errors.ts';
import { isQualifiedName } from './name-rules.ts';
import { validateLabels } from './object-meta.ts';

export function validateLabelSelector(selector: unknown, path: FieldPath): StatusCause[] {
  const s = asObject(selector);
  if (!s) return [];
  const causes: StatusCause[] = [...validateLabels(s.matchLabels, child(path, 'matchLabels'))];
  asList(s.matchExpressions).forEach((expression, i) => {
    const at = index(child(path, 'matchExpressions'), i);
    const values = Array.isArray(expression.values) ? expression.values : [];
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          causes.push(required(child(at, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          causes.push(forbidden(child(at, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        causes.push(invalid(child(at, 'operator'), expression.operator ?? '', 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(String(expression.key ?? ''))) causes.push(invalid(child(at, 'key'), expression.key ?? '', msg));
  });
  return causes;
}

/** An empty selector (no labels, no expressions) selects everything. */
export function isEmptySelector(selector: Json): boolean {
  return Object.keys(asObject(selector.matchLabels) ?? {}).length === 0 && asList(selector.matchExpressions).length === 0;
}

export function selectorMatches(selector: Json, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(asObject(selector.matchLabels) ?? {})) if (labels[k] !== v) return false;
  for (const expression of asList(selector.matchExpressions)) {
    const k = String(expression.key);
    const values = (Array.isArray(expression.values) ? expression.values : []) as string[];
    const has = Object.hasOwn(labels, k);
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(labels[k]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[k]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
