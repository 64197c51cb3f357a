/**
 * Field-level validation causes with kube-apiserver's wording
 * (k8s.io/apimachinery/pkg/util/validation/field: Required, Invalid, NotSupported, ...).
 * Every validator in this folder builds its StatusCauses through these so the
 * messages read exactly as upstream's `field.Error.ErrorBody()`.
 */
import type { StatusCause } from '../errors.ts';

/** A field path such as `spec.template.spec.containers[0].image`; '' is the object root. */
export type FieldPath = string;

/** `spec` + `replicas` -> `spec.replicas`. */
export function child(path: FieldPath, ...names: string[]): FieldPath {
  return names.reduce((p, name) => (p ? `${p}.${name}` : name), path);
}

/** `containers` + 0 -> `containers[0]`. */
export function index(path: FieldPath, i: number): FieldPath {
  return `${path}[${i}]`;
}

/** Map keys print unquoted inside brackets, as upstream's `Path.Key`: `data[my.key]`. */
export function key(path: FieldPath, k: string): FieldPath {
  return `${path}[${k}]`;
}

/** A bad value rendered in Go syntax, for the messages users know in that form. */
export class GoSyntax {
  constructor(readonly text: string) {}
}

/**
 * A label map as upstream prints it in selector errors: `map[string]string{"app":"x"}`
 * (Go's %#v, keys sorted).
 */
export function goStringMap(map: Record<string, string>): GoSyntax {
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`);
  return new GoSyntax(`map[string]string{${entries.join(', ')}}`);
}

/**
 * Renders a bad value as upstream's field.Error does: strings quoted, numbers and booleans
 * bare, anything else as JSON.
 */
export function formatValue(value: unknown): string {
  if (value instanceof GoSyntax) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

function withDetail(body: string, detail?: string): string {
  return detail ? `${body}: ${detail}` : body;
}

export function required(field: FieldPath, detail?: string): StatusCause {
  return { reason: 'FieldValueRequired', field, message: withDetail('Required value', detail) };
}

export function invalid(field: FieldPath, value: unknown, detail?: string): StatusCause {
  return { reason: 'FieldValueInvalid', field, message: withDetail(`Invalid value: ${formatValue(value)}`, detail) };
}

export function typeInvalid(field: FieldPath, value: unknown, detail?: string): StatusCause {
  return { reason: 'FieldValueTypeInvalid', field, message: withDetail(`Invalid value: ${formatValue(value)}`, detail) };
}

export function notSupported(field: FieldPath, value: unknown, supported: readonly string[]): StatusCause {
  const detail = supported.length ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { reason: 'FieldValueNotSupported', field, message: withDetail(`Unsupported value: ${formatValue(value)}`, detail) };
}

export function forbidden(field: FieldPath, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', field, message: withDetail('Forbidden', detail) };
}

export function duplicate(field: FieldPath, value: unknown): StatusCause {
  return { reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${formatValue(value)}` };
}

/** As upstream's `field.TooLong`: the value is omitted, the limit is in bytes. */
export function tooLong(field: FieldPath, maxLength: number): StatusCause {
  const unit = maxLength === 1 ? 'byte' : 'bytes';
  return { reason: 'FieldValueTooLong', field, message: `Too long: may not be more than ${maxLength} ${unit}` };
}

export function tooMany(field: FieldPath, actual: number, max: number): StatusCause {
  return { reason: 'FieldValueTooMany', field, message: `Too many: ${actual}: must have at most ${max} ${max === 1 ? 'item' : 'items'}` };
}

/** Upstream's ValidateImmutableField: the new value, then `field is immutable`. */
export function immutable(field: FieldPath, value: unknown): StatusCause {
  return invalid(field, value, 'field is immutable');
}

/** Upstream ValidateNonnegativeField. */
export function nonNegative(field: FieldPath, value: unknown): StatusCause[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}
