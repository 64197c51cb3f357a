/**
 * Field selectors as k8s.io/apimachinery/pkg/fields parses them: comma separated
 * `field=value`, `field==value`, `field!=value` terms, with `\,`, `\=` and `\\` escaping in values.
 *
 * @example
 * const s = parseFieldSelector('metadata.name=web,status.phase!=Failed');
 * s.validate(new Set(['metadata.name', 'metadata.namespace', 'status.phase']));
 * s.matches({ 'metadata.name': 'web', 'status.phase': 'Running' }); // true
 */
import { SelectorError } from './selector-error.ts';

export { SelectorError } from './selector-error.ts';

export interface FieldRequirement {
  readonly field: string;
  /** `==` parses to `=`: upstream treats them alike. */
  readonly operator: '=' | '!=';
  readonly value: string;
}

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  get empty(): boolean {
    return this.requirements.length === 0;
  }

  /** A missing field reads as '' (fields.Set.Get), so `spec.nodeName=` selects unscheduled pods. */
  matches(fields: Record<string, string>): boolean {
    return this.requirements.every((r) => {
      const actual = Object.prototype.hasOwnProperty.call(fields, r.field) ? fields[r.field] : '';
      return r.operator === '=' ? actual === r.value : actual !== r.value;
    });
  }

  /**
   * Rejects fields the resource does not support, as the list handler's ConvertFieldLabel:
   * the first unsupported term (in sorted order) is reported as
   * `field label not supported: spec.foo`, a 400 BadRequest.
   */
  validate(supported: ReadonlySet<string> | readonly string[]): void {
    const allowed = supported instanceof Set ? supported : new Set(supported as readonly string[]);
    for (const r of this.requirements) {
      if (!allowed.has(r.field)) throw new SelectorError(`field label not supported: ${r.field}`);
    }
  }

  /** The value a field must equal for the selector to match, if one term pins it (RequiresExactMatch). */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator === '=')?.value;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
  }
}

/** Parses the string form; throws SelectorError with upstream's message on a bad term or escape. */
export function parseFieldSelector(selector: string): FieldSelector {
  // Upstream sorts the raw terms before reading them, which fixes the order errors are found in.
  const terms = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    requirements.push({ field: split.field, operator: split.operator === '!=' ? '!=' : '=', value: unescapeFieldValue(split.value) });
  }
  return new FieldSelector(requirements);
}

/** Splits on commas that are not escaped; escaped ones stay in the term with their backslash. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

// `!=` and `==` are tried before `=` so that neither leaves a stray `=` in the value.
const termOperators = ['!=', '==', '='] as const;

/** The field name takes no escapes: the first operator found splits the term. */
function splitTerm(term: string): { field: string; operator: string; value: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op, value: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue. */
export function unescapeFieldValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let escaped = false;
  for (const c of value) {
    if (escaped) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      escaped = false;
      continue;
    }
    if (c === '\\') escaped = true;
    // Upstream formats the rune with %v, which prints its code point number.
    else if (c === ',' || c === '=') throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (escaped) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}
