import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { endpointSlicePrinter, endpointsPrinter, ingressPrinter, servicePrinter } from './networking.ts';

const now = new Date('2024-05-01T12:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2024-05-01T11:50:00Z' };

function service(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec, status };
}

describe('servicePrinter', () => {
  it('has upstream columns', () => {
    expect(servicePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Type:0', 'Cluster-IP:0', 'External-IP:0', 'Port(s):0', 'Age:0', 'Selector:1']);
  });

  const cases: Array<{ name: string; svc: KubeObject; row: unknown[] }> = [
    {
      name: 'a ClusterIP service',
      svc: service({ type: 'ClusterIP', clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } }),
      row: ['web', 'ClusterIP', '10.43.0.10', '<none>', '80/TCP', '10m', 'app=web'],
    },
    {
      name: 'a NodePort service with two ports',
      svc: service({
        type: 'NodePort',
        clusterIPs: ['10.43.0.11'],
        ports: [
          { port: 80, nodePort: 30080, protocol: 'TCP' },
          { port: 53, nodePort: 30053, protocol: 'UDP' },
        ],
      }),
      row: ['web', 'NodePort', '10.43.0.11', '<none>', '80:30080/TCP,53:30053/UDP', '10m', '<none>'],
    },
    {
      name: 'a headless service without ports',
      svc: service({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }),
      row: ['web', 'ClusterIP', 'None', '<none>', '<none>', '10m', '<none>'],
    },
    {
      name: 'a load balancer still waiting for an address',
      svc: service({ type: 'LoadBalancer', clusterIPs: ['10.43.0.12'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] }),
      row: ['web', 'LoadBalancer', '10.43.0.12', '<pending>', '443:31443/TCP', '10m', '<none>'],
    },
    {
      name: 'a load balancer with ingress and external IPs',
      svc: service(
        { type: 'LoadBalancer', clusterIPs: ['10.43.0.12'], externalIPs: ['1.2.3.4'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] },
        { loadBalancer: { ingress: [{ ip: '192.168.1.20' }, { hostname: 'lb.example.com' }] } },
      ),
      row: ['web', 'LoadBalancer', '10.43.0.12', '192.168.1.20,lb.example.com,1.2.3.4', '443:31443/TCP', '10m', '<none>'],
    },
    {
      name: 'an ExternalName service',
      svc: service({ type: 'ExternalName', externalName: 'db.example.com' }),
      row: ['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '10m', '<none>'],
    },
  ];
  for (const c of cases) {
    it(`prints ${c.name}`, () => expect(servicePrinter.cells(c.svc, now)).toEqual(c.row));
  }
});

describe('endpointsPrinter', () => {
  it('prints up to three addresses and how many more', () => {
    const ep: KubeObject = {
      metadata: meta,
      subsets: [{ addresses: [{ ip: '10.42.0.1' }, { ip: '10.42.0.2' }], ports: [{ port: 80 }, { port: 443 }] }],
    };
    expect(endpointsPrinter.cells(ep, now)[1]).toBe('10.42.0.1:80,10.42.0.2:80,10.42.0.1:443 + 1 more...');
  });

  it('prints <none> without subsets', () => expect(endpointsPrinter.cells({ metadata: meta }, now)[1]).toBe('<none>'));
});

describe('endpointSlicePrinter', () => {
  it('prints address type, ports and endpoints, <unset> when empty', () => {
    const slice: KubeObject = { metadata: meta, addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [{ addresses: ['10.42.0.1'] }] };
    expect(endpointSlicePrinter.cells(slice, now)).toEqual(['web', 'IPv4', '80', '10.42.0.1', '10m']);
    expect(endpointSlicePrinter.cells({ metadata: meta, addressType: 'IPv4' }, now).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
});

describe('ingressPrinter', () => {
  it('prints class, hosts, address and ports', () => {
    const ing: KubeObject = {
      metadata: meta,
      spec: { ingressClassName: 'traefik', rules: [{ host: 'a.example.com' }, {}], tls: [{ hosts: ['a.example.com'] }] },
      status: { loadBalancer: { ingress: [{ ip: '192.168.1.20' }] } },
    };
    expect(ingressPrinter.cells(ing, now)).toEqual(['web', 'traefik', 'a.example.com', '192.168.1.20', '80, 443', '10m']);
  });

  it('prints * when no rule names a host', () => {
    expect(ingressPrinter.cells({ metadata: meta, spec: {} }, now).slice(1, 5)).toEqual(['<none>', '*', '', '80']);
  });
});
