/**
 * Container checks from upstream's validateContainers / validateContainerPorts /
 * ValidateResourceRequirements (pkg/apis/core/validation/validation.go).
 */
import type { StatusCause } from '../errors.ts';
import { asList, asObject, type Json } from './json-access.ts';
import { child, duplicate, index, invalid, key, notSupported, required, type FieldPath } from './field-errors.ts';
import { isDns1123Label, isValidPortName, isValidPortNumber, isEnvVarName } from './name-rules.ts';
import { parseQuantity, QuantityError, type Quantity } from '../../quantity/quantity.ts';
import { validateProbe } from './probe-validation.ts';

export const supportedProtocols = ['SCTP', 'TCP', 'UDP'] as const;
export const supportedPullPolicies = ['Always', 'IfNotPresent', 'Never'] as const;
const supportedTerminationMessagePolicies = ['File', 'FallbackToLogsOnError'] as const;

function validatePorts(ports: unknown, path: FieldPath): StatusCause[] {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  asList(ports).forEach((port, i) => {
    const at = index(path, i);
    if (typeof port.name === 'string' && port.name) {
      for (const msg of isValidPortName(port.name)) causes.push(invalid(child(at, 'name'), port.name, msg));
      if (names.has(port.name)) causes.push(duplicate(child(at, 'name'), port.name));
      names.add(port.name);
    }
    if (!port.containerPort) causes.push(required(child(at, 'containerPort')));
    else for (const msg of isValidPortNumber(port.containerPort as number)) causes.push(invalid(child(at, 'containerPort'), port.containerPort, msg));
    if (port.hostPort) {
      for (const msg of isValidPortNumber(port.hostPort as number)) causes.push(invalid(child(at, 'hostPort'), port.hostPort, msg));
    }
    if (!port.protocol) causes.push(required(child(at, 'protocol')));
    else if (!(supportedProtocols as readonly string[]).includes(port.protocol as string)) {
      causes.push(notSupported(child(at, 'protocol'), port.protocol, supportedProtocols));
    }
  });
  return causes;
}

/** Parses a quantity field; a malformed one becomes a cause. */
export function quantityAt(value: unknown, path: FieldPath, causes: StatusCause[]): Quantity | undefined {
  try {
    return parseQuantity(value as string | number);
  } catch (error) {
    if (!(error instanceof QuantityError)) throw error;
    causes.push(invalid(path, value, error.message));
    return undefined;
  }
}

export function validateResourceRequirements(resources: unknown, path: FieldPath): StatusCause[] {
  const r = asObject(resources);
  if (!r) return [];
  const causes: StatusCause[] = [];
  const limits = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(asObject(r.limits) ?? {})) {
    const at = key(child(path, 'limits'), name);
    const q = quantityAt(value, at, causes);
    if (!q) continue;
    if (q.sign() < 0) causes.push(invalid(at, q.toString(), 'must be greater than or equal to 0'));
    limits.set(name, q);
  }
  const requestsPath = child(path, 'requests');
  for (const [name, value] of Object.entries(asObject(r.requests) ?? {})) {
    const at = key(requestsPath, name);
    const q = quantityAt(value, at, causes);
    if (!q) continue;
    if (q.sign() < 0) causes.push(invalid(at, q.toString(), 'must be greater than or equal to 0'));
    const limit = limits.get(name);
    if (limit && q.compare(limit) > 0) {
      causes.push(invalid(requestsPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
    }
  }
  return causes;
}

function validateEnv(env: unknown, path: FieldPath): StatusCause[] {
  const causes: StatusCause[] = [];
  asList(env).forEach((variable, i) => {
    const at = child(index(path, i), 'name');
    if (!variable.name) causes.push(required(at));
    else for (const msg of isEnvVarName(variable.name as string)) causes.push(invalid(at, variable.name, msg));
  });
  return causes;
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: FieldPath): StatusCause[] {
  const causes: StatusCause[] = [];
  const paths = new Set<string>();
  asList(mounts).forEach((mount, i) => {
    const at = index(path, i);
    if (!mount.name) causes.push(required(child(at, 'name')));
    else if (!volumes.has(mount.name as string)) {
      causes.push({ reason: 'FieldValueNotFound', field: child(at, 'name'), message: `Not found: ${JSON.stringify(mount.name)}` });
    }
    if (!mount.mountPath) causes.push(required(child(at, 'mountPath')));
    else if (paths.has(mount.mountPath as string)) causes.push(invalid(child(at, 'mountPath'), mount.mountPath, 'must be unique'));
    else paths.add(mount.mountPath as string);
  });
  return causes;
}

export interface ContainerListContext {
  /** Volume names declared by the pod, for volumeMounts. */
  volumes: Set<string>;
  /** Container names already used in the pod (containers, initContainers share one namespace). */
  names: Set<string>;
  /** Whether an empty list is an error (`containers` yes, `initContainers` no). */
  requireOne: boolean;
}

export function validateContainers(containers: unknown, path: FieldPath, context: ContainerListContext): StatusCause[] {
  const list = asList(containers);
  if (list.length === 0) return context.requireOne ? [required(path)] : [];
  const causes: StatusCause[] = [];
  list.forEach((container: Json, i) => {
    const at = index(path, i);
    const name = container.name;
    if (!name) causes.push(required(child(at, 'name')));
    else {
      for (const msg of isDns1123Label(name as string)) causes.push(invalid(child(at, 'name'), name, msg));
      if (context.names.has(name as string)) causes.push(duplicate(child(at, 'name'), name));
      context.names.add(name as string);
    }
    if (!container.image) causes.push(required(child(at, 'image')));
    const policy = container.imagePullPolicy;
    if (!policy) causes.push(required(child(at, 'imagePullPolicy')));
    else if (!(supportedPullPolicies as readonly string[]).includes(policy as string)) {
      causes.push(notSupported(child(at, 'imagePullPolicy'), policy, supportedPullPolicies));
    }
    const messagePolicy = container.terminationMessagePolicy;
    if (messagePolicy && !(supportedTerminationMessagePolicies as readonly string[]).includes(messagePolicy as string)) {
      causes.push(notSupported(child(at, 'terminationMessagePolicy'), messagePolicy, supportedTerminationMessagePolicies));
    }
    causes.push(...validatePorts(container.ports, child(at, 'ports')));
    causes.push(...validateEnv(container.env, child(at, 'env')));
    causes.push(...validateVolumeMounts(container.volumeMounts, context.volumes, child(at, 'volumeMounts')));
    causes.push(...validateResourceRequirements(container.resources, child(at, 'resources')));
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) causes.push(...validateProbe(container[kind], child(at, kind), kind));
  });
  return causes;
}
