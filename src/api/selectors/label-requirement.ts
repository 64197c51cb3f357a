/**
 * One requirement of a label selector, as k8s.io/apimachinery/pkg/labels.Requirement:
 * construction with upstream's validation, matching and the canonical string form.
 */
import { aggregateMessage, invalidFieldError, isQualifiedName, isValidLabelValue } from './label-validation.ts';
import { SelectorError } from './selector-error.ts';

/** selection.Operator values, spelled as upstream spells them. */
export type LabelOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/**
 * labels.NewRequirement: validates the key, the number of values for the operator and each
 * value, and throws one SelectorError carrying all problems as upstream aggregates them.
 * `values` null stands for Go's nil slice, which upstream prints differently from an empty one.
 */
export function newRequirement(key: string, operator: LabelOperator, values: string[] | null): LabelRequirement {
  const vals = values ?? [];
  const problems: string[] = [];
  const keyErrors = isQualifiedName(key);
  if (keyErrors.length > 0) problems.push(invalidFieldError('key', key, keyErrors.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) problems.push(invalidFieldError('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) problems.push(invalidFieldError('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) problems.push(invalidFieldError('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) problems.push(invalidFieldError('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseGoInt64(v) === undefined) problems.push(invalidFieldError(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  vals.forEach((v, i) => {
    const errs = isValidLabelValue(v);
    if (errs.length > 0) problems.push(invalidFieldError(`values[${i}][${key}]`, v, errs.join('; ')));
  });
  if (problems.length > 0) throw new SelectorError(aggregateMessage(problems));
  return { key, operator, values: [...vals] };
}

/** strconv.ParseInt(v, 10, 64): optional sign, decimal digits, within int64. */
function parseGoInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return n;
}

/** Requirement.Matches: absent keys match only the negative operators. */
export function requirementMatches(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(labels[r.key]);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(labels[r.key]);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseGoInt64(labels[r.key]);
      const bound = parseGoInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

const operatorText: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** Requirement.String: `!key`, `key`, `key=v`, `key in (a,b)` with values sorted for output. */
export function requirementString(r: LabelRequirement): string {
  const prefix = r.operator === '!' ? '!' : '';
  if (r.operator === 'exists' || r.operator === '!') return `${prefix}${r.key}`;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareBytes).join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${operatorText[r.operator]}${set ? `(${values})` : values}`;
}

/** Go's string ordering (bytewise); equal to UTF-16 order for the ASCII that keys and values allow. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
