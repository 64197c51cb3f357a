/**
 * Service and network printers: services, endpoints, endpointslices, ingresses,
 * ingressclasses and networkpolicies, as upstream's printers.go.
 */
import type { KubeObject } from '../meta/object.ts';
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, formatLabelSelector, formatLabels, listWithMore, nameOf, type Json } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

const age = (obj: KubeObject, now: Date) => ageSince(obj.metadata.creationTimestamp, now);

/** Load-balancer ingress points cut to 16 characters in narrow output (loadBalancerWidth). */
const loadBalancerWidth = 16;

export const servicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Type', 'string', 'ServiceSpec.type'),
    column('Cluster-IP', 'string', 'ServiceSpec.clusterIP'),
    column('External-IP', 'string', 'ServiceSpec.externalIPs'),
    column('Port(s)', 'string', 'ServiceSpec.ports'),
    ageColumn,
    column('Selector', 'string', 'ServiceSpec.selector', 1),
  ],
  cells(svc, now) {
    const clusterIPs = asArray(field(svc, 'spec', 'clusterIPs')) as unknown as string[];
    return [
      nameOf(svc),
      asString(field(svc, 'spec', 'type')),
      clusterIPs.length > 0 ? clusterIPs[0] : '<none>',
      // The server prints wide cells, so the external address is never clipped.
      serviceExternalIP(svc, true),
      servicePorts(asArray(field(svc, 'spec', 'ports'))) || '<none>',
      age(svc, now),
      formatLabels(field(svc, 'spec', 'selector')),
    ];
  },
};

/** `80/TCP`, `80:30080/TCP` (with a node port), joined by commas. */
export function servicePorts(ports: Json[]): string {
  return ports
    .map((p) => (typeof p.nodePort === 'number' && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${asString(p.protocol)}` : `${p.port}/${asString(p.protocol)}`))
    .join(',');
}

/** getServiceExternalIP: external IPs, load-balancer ingress, `<pending>`, `<none>` or the external name. */
export function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const externalIPs = asArray(field(svc, 'spec', 'externalIPs')) as unknown as string[];
  switch (field(svc, 'spec', 'type')) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(asArray(field(svc, 'status', 'loadBalancer', 'ingress')), wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return asString(field(svc, 'spec', 'externalName'));
    default:
      return '<unknown>';
  }
}

/** loadBalancerStatusStringer: the sorted set of ingress IPs (or host names). */
function loadBalancerAddresses(ingress: Json[], wide: boolean): string {
  const set = new Set<string>();
  for (const i of ingress) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  let text = [...set].sort().join(',');
  if (!wide && text.length > loadBalancerWidth) text = `${text.slice(0, loadBalancerWidth - 3)}...`;
  return text;
}

export const endpointsPrinter: TablePrinter = {
  columns: [nameColumn, column('Endpoints', 'string', 'Endpoints.subsets'), ageColumn],
  cells(obj, now) {
    return [nameOf(obj), formatEndpoints(asArray(field(obj, 'subsets'))), age(obj, now)];
  },
};

/** formatEndpoints: at most three `ip:port` (or bare ip for headless subsets), then `+ N more...`. */
function formatEndpoints(subsets: Json[]): string {
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = asArray(ss.addresses);
    const ports = asArray(ss.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(asString(a.ip));
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(joinHostPort(asString(a.ip), port.port));
    }
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: unknown): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export const endpointSlicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('AddressType', 'string', 'EndpointSlice.addressType'),
    column('Ports', 'string', 'EndpointSlice.ports'),
    column('Endpoints', 'string', 'EndpointSlice.endpoints'),
    ageColumn,
  ],
  cells(obj, now) {
    const ports = asArray(field(obj, 'ports')).map((p) => (typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*'));
    const addresses = asArray(field(obj, 'endpoints')).flatMap((e) => asArray(e.addresses) as unknown as string[]);
    return [nameOf(obj), asString(field(obj, 'addressType')), listWithMore(ports), listWithMore(addresses), age(obj, now)];
  },
};

export const ingressPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Class', 'string', described('The name of the IngressClass resource that should be used for additional configuration')),
    column('Hosts', 'string', described('Hosts that incoming requests are matched against before the ingress rule')),
    column('Address', 'string', described('Address is a list containing ingress points for the load-balancer')),
    column('Ports', 'string', described('Ports of TLS configurations that open')),
    ageColumn,
  ],
  cells(obj, now) {
    const className = field(obj, 'spec', 'ingressClassName');
    return [
      nameOf(obj),
      typeof className === 'string' ? className : '<none>',
      ingressHosts(asArray(field(obj, 'spec', 'rules'))),
      loadBalancerAddresses(asArray(field(obj, 'status', 'loadBalancer', 'ingress')), true),
      asArray(field(obj, 'spec', 'tls')).length > 0 ? '80, 443' : '80',
      age(obj, now),
    ];
  },
};

/** formatHosts: up to three hosts, `*` when no rule names one. */
function ingressHosts(rules: Json[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

export const ingressClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Controller', 'string', described('Controller that is responsible for handling this class')),
    column('Parameters', 'string', described('A reference to a resource with additional parameters')),
    ageColumn,
  ],
  cells(obj, now) {
    const params = field(obj, 'spec', 'parameters') as Json | undefined;
    let parameters = '<none>';
    if (params) parameters = `${asString(params.kind)}${typeof params.apiGroup === 'string' ? `.${params.apiGroup}` : ''}/${asString(params.name)}`;
    return [nameOf(obj), asString(field(obj, 'spec', 'controller')), parameters, age(obj, now)];
  },
};

export const networkPolicyPrinter: TablePrinter = {
  columns: [nameColumn, column('Pod-Selector', 'string', 'NetworkPolicySpec.podSelector'), ageColumn],
  cells(obj, now) {
    // spec.podSelector is a struct upstream, never nil: a missing one prints as an empty selector.
    return [nameOf(obj), formatLabelSelector(field(obj, 'spec', 'podSelector') ?? {}), age(obj, now)];
  },
};
