/**
 * intstr.IntOrString fields that hold a count or a percentage (maxSurge, maxUnavailable,
 * minAvailable), checked as upstream apps validation's ValidatePositiveIntOrPercent,
 * IsNotMoreThan100Percent and getIntOrPercentValue.
 */
import type { StatusCause } from '../errors.ts';
import { invalid, type FieldPath } from './field-errors.ts';

const percentFormat = '[0-9]+%';
const percentMessage =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

export function validatePositiveIntOrPercent(value: unknown, path: FieldPath): StatusCause[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return new RegExp(`^${percentFormat}$`).test(value) ? [] : [invalid(path, value, percentMessage)];
  }
  if (typeof value === 'number' && value < 0) return [invalid(path, value, 'must be greater than or equal to 0')];
  return [];
}

/** The number, or the percentage as a number: `25%` -> 25. */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) return Number.parseInt(value, 10) || 0;
  return 0;
}

export function notMoreThan100Percent(value: unknown, path: FieldPath): StatusCause[] {
  if (typeof value === 'string' && value.endsWith('%') && intOrPercentValue(value) > 100) {
    return [invalid(path, value, 'must not be greater than 100%')];
  }
  return [];
}
