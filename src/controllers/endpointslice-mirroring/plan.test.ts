import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints } from '../endpoints/types.ts';
import { planMirroredSlices } from './plan.ts';

const endpoints = (subsets: Endpoints['subsets'], meta: Partial<Endpoints['metadata']> = {}): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'ext', namespace: 'default', uid: 'ep-uid', labels: { team: 'x' }, ...meta },
  subsets,
});
const port = [{ name: 'http', port: 80, protocol: 'TCP' }];
const stored = (slice: EndpointSlice, n: number): EndpointSlice => ({ ...structuredClone(slice), metadata: { ...structuredClone(slice.metadata), name: `ext-${n}`, uid: `s${n}`, resourceVersion: String(n) } });

describe('planMirroredSlices', () => {
  it('mirrors ready and not-ready addresses into one slice owned by the Endpoints', () => {
    const got = planMirroredSlices({
      endpoints: endpoints([{ addresses: [{ ip: '192.168.1.10', nodeName: 'n1' }], notReadyAddresses: [{ ip: '192.168.1.11', hostname: 'h' }], ports: port }], {
        annotations: { a: 'b', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'endpoints.kubernetes.io/last-change-trigger-time': 't' },
      }),
      existing: [],
    });
    expect(got.create).toEqual([
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: 'ext-',
          namespace: 'default',
          labels: { team: 'x', 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' },
          annotations: { a: 'b' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'ext', uid: 'ep-uid', controller: true, blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        endpoints: [
          { addresses: ['192.168.1.10'], conditions: { ready: true }, nodeName: 'n1' },
          { addresses: ['192.168.1.11'], conditions: { ready: false }, hostname: 'h' },
        ],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('splits IPv4 and IPv6 addresses into slices of their address type', () => {
    const got = planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }], ports: port }]), existing: [] });
    expect(got.create.map((s) => [s.addressType, s.endpoints![0].addresses[0]])).toEqual([
      ['IPv4', '10.0.0.1'],
      ['IPv6', 'fd00::1'],
    ]);
  });

  it('skips and counts addresses that are not IPs', () => {
    const got = planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: 'example.com' }, { ip: '10.0.0.1' }], ports: port }]), existing: [] });
    expect(got.invalidAddresses).toBe(1);
    expect(got.create[0].endpoints).toHaveLength(1);
  });

  it('mirrors at most the per-subset limit, ready addresses first', () => {
    const got = planMirroredSlices({
      endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], notReadyAddresses: [{ ip: '10.0.0.3' }], ports: port }]),
      existing: [],
      maxAddressesPerSubset: 2,
    });
    expect(got.skippedAddresses).toBe(1);
    expect(got.create[0].endpoints!.map((e) => e.conditions?.ready)).toEqual([true, true]);
  });

  it('changes nothing when the slice already mirrors the Endpoints', () => {
    const ep = endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: port }]);
    const slice = stored(planMirroredSlices({ endpoints: ep, existing: [] }).create[0], 1);
    const got = planMirroredSlices({ endpoints: ep, existing: [slice] });
    expect([got.create, got.update, got.delete]).toEqual([[], [], []]);
  });

  it('updates the slice in place when an address changes', () => {
    const slice = stored(planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: port }]), existing: [] }).create[0], 1);
    const got = planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.2' }], ports: port }]), existing: [slice] });
    expect(got.update.map((s) => [s.metadata.name, s.endpoints![0].addresses[0]])).toEqual([['ext-1', '10.0.0.2']]);
    expect(got.create).toEqual([]);
  });

  it('reuses a slice whose ports changed instead of deleting and creating', () => {
    const slice = stored(planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: port }]), existing: [] }).create[0], 1);
    const got = planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'http', port: 81, protocol: 'TCP' }] }]), existing: [slice] });
    expect(got.update.map((s) => [s.metadata.name, s.ports![0].port])).toEqual([['ext-1', 81]]);
    expect([got.create, got.delete]).toEqual([[], []]);
  });

  it('deletes every slice when the Endpoints have no subsets', () => {
    const slice = stored(planMirroredSlices({ endpoints: endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: port }]), existing: [] }).create[0], 1);
    expect(planMirroredSlices({ endpoints: endpoints(undefined), existing: [slice] }).delete).toEqual([slice]);
  });
});
