/**
 * metav1.LabelSelector checks and matching, as upstream
 * metav1validation.ValidateLabelSelector and metav1.LabelSelectorAsSelector.
 */
import type { StatusCause } from '../errors.ts';
import { asList, asObject, type Json } from './json-access.ts';
import { child, forbidden, index, invalid, required, type FieldPath } from './field-errors.ts';
import { isQualifiedName } from './name-rules.ts';
import { validateLabels } from './object-meta.ts';
import { isEmptySelector as isEmptyLabelSelector, selectorMatches as matchesLabelSelector, type LabelSelector } from '../../selectors/label-selector-match.ts';

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
  return isEmptyLabelSelector(selector as LabelSelector);
}

export function selectorMatches(selector: Json, labels: Record<string, string>): boolean {
  return matchesLabelSelector(selector as LabelSelector, labels);
}
