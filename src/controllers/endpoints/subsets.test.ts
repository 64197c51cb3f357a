import { describe, expect, it } from 'vitest';
import { desiredSubsets } from './subsets.ts';
import { pod, service } from './test-builders.ts';
import type { EndpointSubset, Pod, Service } from './types.ts';

const ref = (name: string) => ({ kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` });
const addr = (name: string, ip: string, extra: object = {}) => ({ ip, nodeName: 'node-a', targetRef: ref(name), ...extra });
const http = [{ name: 'http', port: 8080, protocol: 'TCP' }];

const cases: { name: string; service: Service; pods: Pod[]; want: EndpointSubset[] }[] = [
  { name: 'lists a ready pod under addresses with the resolved port', service: service(), pods: [pod('a')], want: [{ addresses: [addr('a', '10.42.0.5')], ports: http }] },
  {
    name: 'lists a pod that is not ready under notReadyAddresses',
    service: service(),
    pods: [pod('a', { ready: false })],
    want: [{ notReadyAddresses: [addr('a', '10.42.0.5')], ports: http }],
  },
  {
    name: 'lists a pod that is not ready under addresses when the Service publishes not-ready addresses',
    service: service({ publishNotReadyAddresses: true }),
    pods: [pod('a', { ready: false })],
    want: [{ addresses: [addr('a', '10.42.0.5')], ports: http }],
  },
  { name: 'leaves out a pod without an IP', service: service(), pods: [pod('a', { ip: '' })], want: [] },
  { name: 'leaves out a pod that has succeeded', service: service(), pods: [pod('a', { phase: 'Succeeded' })], want: [] },
  { name: 'leaves out a pod that has failed', service: service(), pods: [pod('a', { phase: 'Failed' })], want: [] },
  { name: 'leaves out a terminating pod', service: service(), pods: [pod('a', { deleting: true })], want: [] },
  {
    name: 'keeps a terminating pod when the Service publishes not-ready addresses',
    service: service({ publishNotReadyAddresses: true }),
    pods: [pod('a', { deleting: true })],
    want: [{ addresses: [addr('a', '10.42.0.5')], ports: http }],
  },
  {
    name: 'sorts addresses by IP and puts ready and not-ready pods of one port set in one subset',
    service: service(),
    pods: [pod('b', { ip: '10.42.0.9' }), pod('a', { ip: '10.42.0.10' }), pod('c', { ip: '10.42.0.2', ready: false })],
    want: [{ addresses: [addr('a', '10.42.0.10'), addr('b', '10.42.0.9')], notReadyAddresses: [addr('c', '10.42.0.2')], ports: http }],
  },
  {
    name: 'resolves a named targetPort against each pod and splits pods with different ports into subsets',
    service: service({ ports: [{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }] }),
    pods: [pod('a', { ip: '10.42.0.1' }), pod('b', { ip: '10.42.0.2', ports: [{ name: 'http', containerPort: 9090 }] })],
    want: [
      { addresses: [addr('a', '10.42.0.1')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
      { addresses: [addr('b', '10.42.0.2')], ports: [{ name: 'web', port: 9090, protocol: 'TCP' }] },
    ],
  },
  {
    name: 'leaves a pod out of a port whose targetPort name it lacks',
    service: service({ ports: [{ name: 'web', port: 80, targetPort: 'nope', protocol: 'TCP' }] }),
    pods: [pod('a')],
    want: [],
  },
  {
    name: 'does not match a named port of another protocol',
    service: service({ ports: [{ name: 'dns', port: 53, targetPort: 'http', protocol: 'UDP' }] }),
    pods: [pod('a')],
    want: [],
  },
  {
    name: 'groups several ports of the same pods into one subset',
    service: service({ ports: [{ name: 'b', port: 81, targetPort: 81, protocol: 'TCP' }, { name: 'a', port: 80, targetPort: 80, protocol: 'TCP' }] }),
    pods: [pod('a')],
    want: [{ addresses: [addr('a', '10.42.0.5')], ports: [{ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', port: 81, protocol: 'TCP' }] }],
  },
  {
    name: 'lists the pods of a headless Service without ports in a port-less subset',
    service: service({ clusterIP: 'None', ports: [] }),
    pods: [pod('a')],
    want: [{ addresses: [addr('a', '10.42.0.5')] }],
  },
  { name: 'lists nothing for a Service with a cluster IP and no ports', service: service({ ports: [] }), pods: [pod('a')], want: [] },
  {
    name: 'sets the hostname of a pod whose subdomain names the Service',
    service: service({ clusterIP: 'None' }),
    pods: [pod('a', { hostname: 'a-host', subdomain: 'web' }), pod('b', { ip: '10.42.0.6', hostname: 'b-host', subdomain: 'other' })],
    want: [{ addresses: [addr('a', '10.42.0.5', { hostname: 'a-host' }), addr('b', '10.42.0.6')], ports: http }],
  },
];

describe('desiredSubsets', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(desiredSubsets(c.service, c.pods)).toEqual(c.want);
    });
  }
});
