/** networking.k8s.io: Ingresses (as ValidateIngressSpec) and NetworkPolicies (policyTypes defaults). */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asList, asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { child, index, invalid, notSupported, required, type FieldPath } from './field-errors.ts';
import { isDns1123Subdomain, isValidPortName, isValidPortNumber } from './name-rules.ts';
import { validateLabelSelector } from './label-selector.ts';
import { supportedProtocols } from './container-validation.ts';
import { defineStrategy } from './strategy.ts';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;

function validateBackend(backend: Json | undefined, path: FieldPath): StatusCause[] {
  if (!backend) return [required(path)];
  const service = asObject(backend.service);
  const resource = asObject(backend.resource);
  if (service && resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (!service && !resource) return [invalid(path, '', 'one backend (service or resource) must be specified')];
  if (!service) return [];
  const causes: StatusCause[] = [];
  if (!service.name) causes.push(required(child(path, 'service', 'name')));
  const port = asObject(service.port) ?? {};
  const portPath = child(path, 'service', 'port');
  if (port.name && port.number) causes.push(invalid(portPath, port, 'cannot set both port name & port number'));
  else if (port.name) for (const msg of isValidPortName(port.name as string)) causes.push(invalid(child(portPath, 'name'), port.name, msg));
  else if (port.number !== undefined) for (const msg of isValidPortNumber(port.number as number)) causes.push(invalid(child(portPath, 'number'), port.number, msg));
  else causes.push(required(portPath, 'port name or number is required'));
  return causes;
}

function validateIngress(obj: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const causes: StatusCause[] = [];
  const rules = asList(spec.rules);
  if (!spec.defaultBackend && rules.length === 0) {
    causes.push(invalid('spec.rules', rules, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) causes.push(...validateBackend(asObject(spec.defaultBackend), 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const at = index('spec.rules', i);
    if (typeof rule.host === 'string' && rule.host) {
      const host = rule.host.startsWith('*.') ? rule.host.slice(2) : rule.host;
      for (const msg of isDns1123Subdomain(host)) causes.push(invalid(child(at, 'host'), rule.host, msg));
    }
    const http = asObject(rule.http);
    if (!http) return;
    const paths = asList(http.paths);
    if (paths.length === 0) causes.push(required(child(at, 'http', 'paths')));
    paths.forEach((p, j) => {
      const pathAt = index(child(at, 'http', 'paths'), j);
      if (!p.pathType) causes.push(required(child(pathAt, 'pathType'), 'pathType must be specified'));
      else if (!(pathTypes as readonly string[]).includes(p.pathType as string)) {
        causes.push(notSupported(child(pathAt, 'pathType'), p.pathType, pathTypes));
      }
      if ((p.pathType === 'Exact' || p.pathType === 'Prefix') && !String(p.path ?? '').startsWith('/')) {
        causes.push(invalid(child(pathAt, 'path'), p.path ?? '', 'must be an absolute path'));
      }
      causes.push(...validateBackend(asObject(p.backend), child(pathAt, 'backend')));
    });
  });
  return causes;
}

export const ingressStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate: validateIngress,
});

export const ingressClassStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Subdomain' },
  validate: (obj) => (asObject(obj.spec)?.controller ? [] : [required('spec.controller')]),
});

const policyTypes = ['Ingress', 'Egress'] as const;

function defaultNetworkPolicy(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  // As upstream SetDefaults_NetworkPolicy: Ingress always, Egress when egress rules exist.
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = asList(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rule of [...asList(spec.ingress), ...asList(spec.egress)]) {
    for (const port of asList(rule.ports)) setDefault(port, 'protocol', 'TCP');
  }
}

function validateNetworkPolicy(obj: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const causes = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  const types = Array.isArray(spec.policyTypes) ? (spec.policyTypes as unknown[]) : [];
  types.forEach((type, i) => {
    if (!(policyTypes as readonly string[]).includes(type as string)) causes.push(notSupported(`spec.policyTypes[${i}]`, type, policyTypes));
  });
  for (const direction of ['ingress', 'egress'] as const) {
    asList(spec[direction]).forEach((rule, i) => {
      asList(rule.ports).forEach((port, j) => {
        const at = index(child(index(`spec.${direction}`, i), 'ports'), j);
        if (port.protocol && !(supportedProtocols as readonly string[]).includes(port.protocol as string)) {
          causes.push(notSupported(child(at, 'protocol'), port.protocol, supportedProtocols));
        }
        if (typeof port.port === 'number') for (const msg of isValidPortNumber(port.port)) causes.push(invalid(child(at, 'port'), port.port, msg));
        if (typeof port.port === 'string') for (const msg of isValidPortName(port.port)) causes.push(invalid(child(at, 'port'), port.port, msg));
      });
    });
  }
  return causes;
}

export const networkPolicyStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaultNetworkPolicy(obj as Json),
  validate: validateNetworkPolicy,
});
