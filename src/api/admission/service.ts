/**
 * services: defaults as upstream SetDefaults_Service (plus the IP family fields the service
 * REST storage fills on a single-stack IPv4 cluster), checks as ValidateService and
 * ValidateServiceUpdate. The node port range is a parameter (`--service-node-port-range`).
 */
import type { StatusCause } from '../errors.ts';
import type { PortRange } from '../../config/value-kinds.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ResourceStrategy } from '../resources/types.ts';
import { asList, asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { child, duplicate, forbidden, index, invalid, notSupported, required } from './field-errors.ts';
import { isDns1123Label, isDns1123Subdomain, isValidPortName, isValidPortNumber } from './name-rules.ts';
import { supportedProtocols } from './container-validation.ts';
import { defineStrategy } from './strategy.ts';

/** kube-apiserver's default --service-node-port-range. */
export type { PortRange };
export const defaultNodePortRange: PortRange = { min: 30000, max: 32767 };

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const sessionAffinities = ['ClientIP', 'None'] as const;
const trafficPolicies = ['Cluster', 'Local'] as const;
const ipFamilyPolicies = ['SingleStack', 'PreferDualStack', 'RequireDualStack'] as const;

function isHeadless(spec: Json): boolean {
  return spec.clusterIP === 'None';
}

function defaults(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    const config = ensureObject(ensureObject(spec, 'sessionAffinityConfig'), 'clientIP');
    setDefault(config, 'timeoutSeconds', 10800);
  }
  for (const port of asList(spec.ports)) {
    setDefault(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  const type = spec.type;
  if (type === 'NodePort' || type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  if (type !== 'ExternalName') {
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
    if (typeof spec.clusterIP === 'string' && spec.clusterIP && !Array.isArray(spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP];
    // As the service REST storage: a selector-less headless service asks for every family the
    // cluster has; anything else gets the cluster's single family. Skiff clusters are IPv4.
    const selectorless = Object.keys(asObject(spec.selector) ?? {}).length === 0;
    setDefault(spec, 'ipFamilyPolicy', isHeadless(spec) && selectorless ? 'RequireDualStack' : 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIp(text: string): boolean {
  return ipv4.test(text) || (text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text));
}

function validatePorts(spec: Json, range: PortRange): StatusCause[] {
  const causes: StatusCause[] = [];
  const ports = asList(spec.ports);
  const names = new Set<string>();
  const seen = new Set<string>();
  const nodePortsAllowed = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  ports.forEach((port, i) => {
    const at = index('spec.ports', i);
    const name = port.name;
    if (ports.length > 1 && !name) causes.push(required(child(at, 'name')));
    if (typeof name === 'string' && name) {
      for (const msg of isDns1123Label(name)) causes.push(invalid(child(at, 'name'), name, msg));
      if (names.has(name)) causes.push(duplicate(child(at, 'name'), name));
      names.add(name);
    }
    for (const msg of isValidPortNumber(port.port as number)) causes.push(invalid(child(at, 'port'), port.port, msg));
    if (!(supportedProtocols as readonly string[]).includes(port.protocol as string)) {
      causes.push(notSupported(child(at, 'protocol'), port.protocol ?? '', supportedProtocols));
    }
    const target = port.targetPort;
    if (typeof target === 'number') {
      for (const msg of isValidPortNumber(target)) causes.push(invalid(child(at, 'targetPort'), target, msg));
    } else if (typeof target === 'string') {
      for (const msg of isValidPortName(target)) causes.push(invalid(child(at, 'targetPort'), target, msg));
    }
    const nodePort = port.nodePort;
    if (typeof nodePort === 'number' && nodePort !== 0) {
      if (!nodePortsAllowed) {
        causes.push(forbidden(child(at, 'nodePort'), `may not be used when \`type\` is '${spec.type}'`));
      } else if (nodePort < range.min || nodePort > range.max) {
        causes.push(
          invalid(
            child(at, 'nodePort'),
            nodePort,
            `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`,
          ),
        );
      }
    }
    const identity = `${port.port}/${port.protocol}`;
    if (seen.has(identity)) causes.push(duplicate(at, { port: port.port, protocol: port.protocol }));
    seen.add(identity);
  });
  return causes;
}

function validate(obj: KubeObject, range: PortRange): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const causes: StatusCause[] = [];
  const type = spec.type as string;
  if (!(serviceTypes as readonly string[]).includes(type)) causes.push(notSupported('spec.type', type ?? '', serviceTypes));
  if (type === 'ExternalName') {
    const externalName = spec.externalName;
    if (!externalName) causes.push(required('spec.externalName'));
    else {
      const name = String(externalName).replace(/\.$/, '');
      for (const msg of isDns1123Subdomain(name)) causes.push(invalid('spec.externalName', externalName, msg));
    }
    if (spec.clusterIP) causes.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
  } else if (asList(spec.ports).length === 0 && !isHeadless(spec)) {
    causes.push(required('spec.ports'));
  }
  causes.push(...validatePorts(spec, range));
  if (!(sessionAffinities as readonly string[]).includes(spec.sessionAffinity as string)) {
    causes.push(notSupported('spec.sessionAffinity', spec.sessionAffinity ?? '', sessionAffinities));
  }
  if (typeof spec.clusterIP === 'string' && spec.clusterIP && spec.clusterIP !== 'None' && !isIp(spec.clusterIP)) {
    causes.push(invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  if (isHeadless(spec) && (type === 'NodePort' || type === 'LoadBalancer')) {
    causes.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  const external = spec.externalTrafficPolicy;
  if (external) {
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      causes.push(invalid('spec.externalTrafficPolicy', external, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (!(trafficPolicies as readonly string[]).includes(external as string)) {
      causes.push(notSupported('spec.externalTrafficPolicy', external, trafficPolicies));
    }
  }
  const internal = spec.internalTrafficPolicy;
  if (internal && !(trafficPolicies as readonly string[]).includes(internal as string)) {
    causes.push(notSupported('spec.internalTrafficPolicy', internal, trafficPolicies));
  }
  const familyPolicy = spec.ipFamilyPolicy;
  if (familyPolicy && !(ipFamilyPolicies as readonly string[]).includes(familyPolicy as string)) {
    causes.push(notSupported('spec.ipFamilyPolicy', familyPolicy, ipFamilyPolicies));
  }
  return causes;
}

/**
 * As the service REST update (patchAllocatedValues): a client that omits the allocated cluster
 * IP or node ports (kubectl replace, Helm) keeps the stored ones instead of losing them.
 */
export function keepAllocatedValues(spec: Json, was: Json): void {
  const keepsClusterIp = spec.type !== 'ExternalName' && was.type !== 'ExternalName';
  if (keepsClusterIp && !spec.clusterIP && was.clusterIP) {
    spec.clusterIP = was.clusterIP;
    if (!Array.isArray(spec.clusterIPs) || spec.clusterIPs.length === 0) spec.clusterIPs = was.clusterIPs ?? [was.clusterIP];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const oldPorts = asList(was.ports);
    for (const port of asList(spec.ports)) {
      if (port.nodePort) continue;
      const match = oldPorts.find((p) => p.port === port.port && p.protocol === port.protocol && p.nodePort);
      if (match) port.nodePort = match.nodePort;
    }
  }
}

function validateUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const was = asObject(old.spec) ?? {};
  keepAllocatedValues(spec, was);
  const causes: StatusCause[] = [];
  // As upstream validateServiceClusterIPsRelatedFields: an allocated IP stays unless the
  // service becomes an ExternalName (which releases it).
  if (spec.type !== 'ExternalName' && was.clusterIP && spec.clusterIP !== was.clusterIP) {
    causes.push(invalid('spec.clusterIPs[0]', spec.clusterIP ?? '', 'may not change once set'));
  }
  return causes;
}

export interface ServiceStrategyOptions {
  nodePortRange?: PortRange;
}

export function createServiceStrategy(options: ServiceStrategyOptions = {}): ResourceStrategy {
  const range = options.nodePortRange ?? defaultNodePortRange;
  return defineStrategy({
    meta: { namespaced: true, nameRule: 'dns1035Label' },
    defaults: (obj) => defaults(obj as Json),
    validate: (obj) => validate(obj, range),
    validateUpdate,
    fieldLabels: (obj) => {
      const spec = asObject(obj.spec) ?? {};
      return { 'spec.clusterIP': String(spec.clusterIP ?? ''), 'spec.type': String(spec.type ?? '') };
    },
  });
}
