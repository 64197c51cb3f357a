import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { createBuiltinStrategies, builtinStrategies } from './index.ts';
import { lines, service } from './test-objects.ts';

const services = builtinStrategies.services!;

function create(obj: KubeObject, strategy = services): string[] {
  strategy.defaults!(obj);
  return lines(strategy.validateCreate!(obj));
}

describe('service defaults', () => {
  it('fills type, affinity, protocol, target port and the IP family fields', () => {
    const obj = service();
    services.defaults!(obj);
    expect(obj.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect((obj.spec as Record<string, unknown>).externalTrafficPolicy).toBeUndefined();
  });

  it('adds externalTrafficPolicy Cluster to a NodePort service', () => {
    const obj = service({ type: 'NodePort' });
    services.defaults!(obj);
    expect((obj.spec as Record<string, unknown>).externalTrafficPolicy).toBe('Cluster');
  });

  it('gives an ExternalName service no IP family fields', () => {
    const obj = service({ type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: undefined });
    services.defaults!(obj);
    expect(obj.spec).not.toHaveProperty('ipFamilies');
    expect(obj.spec).not.toHaveProperty('internalTrafficPolicy');
  });
});

describe('service validation', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts a ClusterIP service', {}, []],
    ['requires ports', { ports: [] }, ['spec.ports: Required value']],
    ['accepts a headless service without ports', { clusterIP: 'None', ports: [] }, []],
    ['requires an externalName for ExternalName services', { type: 'ExternalName', ports: [] }, ['spec.externalName: Required value']],
    [
      'rejects an unknown type',
      { type: 'Magic' },
      ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ],
    [
      'requires port names when there are several ports',
      { ports: [{ port: 80 }, { port: 443 }] },
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    [
      'rejects a node port outside the range',
      { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] },
      ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ],
    [
      'forbids a node port on a ClusterIP service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    expect(create(service(spec))).toEqual(expected);
  });

  it('rejects a service name that is not a DNS-1035 label', () => {
    expect(create(service({}, '1web'))[0]).toMatch(/^metadata.name: Invalid value: "1web": a DNS-1035 label/);
  });

  it('checks node ports against the configured range', () => {
    const strategies = createBuiltinStrategies({ serviceNodePortRange: { min: 20000, max: 20010 } });
    expect(create(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 20005 }] }), strategies.services!)).toEqual([]);
    expect(create(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] }), strategies.services!)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30000: provided port is not in the valid range. The range of valid ports is 20000-20010',
    ]);
  });
});

describe('service update', () => {
  it('keeps the allocated cluster IP when the client omits it', () => {
    const old = service({ clusterIP: '10.43.0.5' });
    services.defaults!(old);
    const next = service();
    services.defaults!(next);
    expect(lines(services.validateUpdate!(next, old))).toEqual([]);
    expect((next.spec as Record<string, unknown>).clusterIP).toBe('10.43.0.5');
  });

  it('rejects a changed cluster IP', () => {
    const old = service({ clusterIP: '10.43.0.5' });
    services.defaults!(old);
    const next = service({ clusterIP: '10.43.0.6' });
    services.defaults!(next);
    expect(lines(services.validateUpdate!(next, old))).toEqual(['spec.clusterIPs[0]: Invalid value: "10.43.0.6": may not change once set']);
  });

  it('exposes spec.clusterIP and spec.type as field labels', () => {
    const obj = service({ clusterIP: '10.43.0.5' });
    services.defaults!(obj);
    expect(services.fieldLabels!(obj)).toEqual({ 'spec.clusterIP': '10.43.0.5', 'spec.type': 'ClusterIP' });
  });
});
