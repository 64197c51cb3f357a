/**
 * Probe checks, as upstream's validateProbe / validateHandler (pkg/apis/core/validation):
 * exactly one handler, a valid port number or name, the non-negative timings, and
 * `successThreshold` 1 for liveness and startup probes.
 */
import type { StatusCause } from '../errors.ts';
import { asObject, type Json } from './json-access.ts';
import { child, forbidden, invalid, nonNegative, notSupported, required, type FieldPath } from './field-errors.ts';
import { isValidPortName, isValidPortNumber } from './name-rules.ts';

/** The handlers in the order upstream checks them: the second one found is the one reported. */
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HTTP_SCHEMES = ['HTTP', 'HTTPS'] as const;
const TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** A port given as a number or an IANA name (IntOrString), as upstream ValidatePortNumOrName. */
function validatePortNumOrName(port: unknown, path: FieldPath): StatusCause[] {
  if (typeof port === 'number') return isValidPortNumber(port).map((msg) => invalid(path, port, msg));
  if (typeof port === 'string') {
    if (port === '') return [required(path)];
    return isValidPortName(port).map((msg) => invalid(path, port, msg));
  }
  return [required(path)];
}

function validateHandler(handler: Json, path: FieldPath): StatusCause[] {
  const causes: StatusCause[] = [];
  let found = 0;
  for (const type of HANDLERS) {
    const action = asObject(handler[type]);
    if (!action) continue;
    const at = child(path, type);
    if (found++ > 0) {
      causes.push(forbidden(at, 'may not specify more than 1 handler type'));
      continue;
    }
    if (type === 'exec' && !(Array.isArray(action.command) && action.command.length > 0)) causes.push(required(child(at, 'command')));
    if (type === 'httpGet' || type === 'tcpSocket') causes.push(...validatePortNumOrName(action.port, child(at, 'port')));
    if (type === 'grpc') causes.push(...isValidPortNumber(action.port as number).map((msg) => invalid(child(at, 'port'), action.port, msg)));
    if (type === 'httpGet') {
      if (!action.path) causes.push(required(child(at, 'path')));
      if (action.scheme !== undefined && !(HTTP_SCHEMES as readonly string[]).includes(action.scheme as string)) {
        causes.push(notSupported(child(at, 'scheme'), action.scheme, HTTP_SCHEMES));
      }
    }
  }
  if (found === 0) causes.push(required(path, 'must specify a handler type'));
  return causes;
}

/** One container probe; `undefined` (no probe) is valid. */
export function validateProbe(probe: unknown, path: FieldPath, kind: ProbeKind): StatusCause[] {
  const p = asObject(probe);
  if (!p) return [];
  const causes = validateHandler(p, path);
  for (const field of TIMINGS) if (p[field] !== undefined) causes.push(...nonNegative(child(path, field), p[field]));
  if (kind !== 'readinessProbe' && p.successThreshold !== undefined && p.successThreshold !== 1) {
    causes.push(invalid(child(path, 'successThreshold'), p.successThreshold, 'must be 1'));
  }
  if (kind === 'readinessProbe' && p.terminationGracePeriodSeconds !== undefined) {
    causes.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return causes;
}
