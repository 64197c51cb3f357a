import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { pod, service } from '../endpoints/test-builders.ts';
import type { EndpointSlice, Pod, Service } from '../endpoints/types.ts';
import { planServiceSlices, type SlicePlan } from './plan.ts';
import { ENDPOINTSLICE_CONTROLLER_NAME } from './slice-metadata.ts';

const nodes: Record<string, KubeObject> = {
  'node-a': { metadata: { name: 'node-a', labels: { 'topology.kubernetes.io/zone': 'zone-1' } } },
  'node-b': { metadata: { name: 'node-b' } },
};
const plan = (svc: Service, pods: Pod[], existing: EndpointSlice[] = [], max?: number): SlicePlan =>
  planServiceSlices({ service: svc, pods, existing, node: (n) => nodes[n], controllerName: ENDPOINTSLICE_CONTROLLER_NAME, maxEndpointsPerSlice: max });

/** A slice as the server would store one of `plan`'s creations. */
let counter = 0;
const stored = (slice: EndpointSlice): EndpointSlice => {
  counter++;
  return { ...structuredClone(slice), metadata: { ...structuredClone(slice.metadata), name: `web-${counter}`, uid: `slice-${counter}`, resourceVersion: String(counter) } };
};
const names = (slices: EndpointSlice[]) => slices.map((s) => s.metadata.name).sort();
const podsNamed = (slice: EndpointSlice) => (slice.endpoints ?? []).map((e) => e.targetRef?.name);
const manyPods = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => pod(`${prefix}${String(i).padStart(3, '0')}`, { ip: `10.42.${Math.floor(i / 200)}.${i % 200}` }));

describe('planServiceSlices', () => {
  it('creates one slice owned by the Service with labels, ports and endpoint conditions', () => {
    const got = plan(service({ labels: { team: 'x' } }), [pod('a')]);
    expect(got.create).toHaveLength(1);
    expect(got.create[0]).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: 'web-',
        namespace: 'default',
        labels: { team: 'x', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.42.0.5'],
          conditions: { ready: true, serving: true, terminating: false },
          nodeName: 'node-a',
          zone: 'zone-1',
          targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
        },
      ],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
  });

  const conditionCases: { name: string; svc: Service; p: Pod; want: object }[] = [
    { name: 'marks a pod that is not ready neither ready nor serving', svc: service(), p: pod('a', { ready: false }), want: { ready: false, serving: false, terminating: false } },
    { name: 'marks a terminating ready pod serving but not ready', svc: service(), p: pod('a', { deleting: true }), want: { ready: false, serving: true, terminating: true } },
    { name: 'marks a terminating pod ready when the Service publishes not-ready addresses', svc: service({ publishNotReadyAddresses: true }), p: pod('a', { deleting: true, ready: false }), want: { ready: true, serving: false, terminating: true } },
  ];
  for (const c of conditionCases) {
    it(c.name, () => expect(plan(c.svc, [c.p]).create[0].endpoints![0].conditions).toEqual(c.want));
  }

  it('sets the hostname and the headless label for a headless Service', () => {
    const got = plan(service({ clusterIP: 'None' }), [pod('a', { hostname: 'h', subdomain: 'web' })]).create[0];
    expect(got.endpoints![0].hostname).toBe('h');
    expect(got.metadata.labels).toHaveProperty('service.kubernetes.io/headless', '');
  });

  it('leaves a pod on an unknown node out and reports it', () => {
    const got = plan(service(), [pod('a', { node: 'ghost' }), pod('b', { ip: '10.42.0.6' })]);
    expect(got.podsOnMissingNodes).toEqual(['a']);
    expect(podsNamed(got.create[0])).toEqual(['b']);
  });

  it('creates a placeholder slice without ports or endpoints when no pod matches', () => {
    const got = plan(service(), []);
    expect(got.create).toHaveLength(1);
    expect(got.create[0].endpoints).toEqual([]);
    expect(got.create[0].ports).toEqual([]);
  });

  it('keeps an existing placeholder instead of replacing it', () => {
    const placeholder = stored(plan(service(), []).create[0]);
    expect(plan(service(), [], [placeholder])).toEqual({ create: [], update: [], delete: [], podsOnMissingNodes: [] });
  });

  it('fills the placeholder by updating it when the first pod arrives', () => {
    const placeholder = stored(plan(service(), []).create[0]);
    const got = plan(service(), [pod('a')], [placeholder]);
    expect(got.create).toEqual([]);
    expect(got.delete).toEqual([]);
    expect(names(got.update)).toEqual([placeholder.metadata.name]);
    expect(got.update[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('changes nothing when the slices already show the pods', () => {
    const slice = stored(plan(service(), [pod('a')]).create[0]);
    expect(plan(service(), [pod('a')], [slice])).toEqual({ create: [], update: [], delete: [], podsOnMissingNodes: [] });
  });

  it('splits 250 endpoints into slices of at most 100', () => {
    const got = plan(service(), manyPods(250));
    expect(got.create.map((s) => s.endpoints!.length)).toEqual([100, 100, 50]);
  });

  it('rewrites only the slice holding a pod whose readiness changed', () => {
    const [s1, s2] = plan(service(), manyPods(150)).create.map(stored);
    const pods = manyPods(150);
    pods[120].status!.conditions![0].status = 'False';
    const got = plan(service(), pods, [s1, s2]);
    expect(names(got.update)).toEqual([s2.metadata.name]);
    expect(got.create).toEqual([]);
    expect(got.delete).toEqual([]);
  });

  it('adds a new pod to the slice it fills most closely without touching the others', () => {
    const [s1, s2] = plan(service(), manyPods(150)).create.map(stored);
    const got = plan(service(), [...manyPods(150), pod('zzz', { ip: '10.42.9.9' })], [s1, s2]);
    expect(names(got.update)).toEqual([s2.metadata.name]);
    expect(podsNamed(got.update[0])).toContain('zzz');
  });

  it('deletes a slice whose endpoints all went away', () => {
    const [s1, s2] = plan(service(), manyPods(150)).create.map(stored);
    const got = plan(service(), manyPods(100), [s1, s2]);
    expect(names(got.delete)).toEqual([s2.metadata.name]);
    expect(got.update).toEqual([]);
  });

  it('groups pods by their resolved ports into separate slices', () => {
    const svc = service({ ports: [{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const got = plan(svc, [pod('a'), pod('b', { ip: '10.42.0.6', ports: [{ name: 'http', containerPort: 9090 }] })]);
    expect(got.create.map((s) => [s.ports![0].port, podsNamed(s)])).toEqual([
      [8080, ['a']],
      [9090, ['b']],
    ]);
  });

  it('replaces a slice owned by an earlier Service of the same name', () => {
    const old = stored(plan(service(), [pod('a')]).create[0]);
    old.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'older', controller: true }];
    const got = plan(service(), [pod('a')], [old]);
    expect(got.create).toHaveLength(1);
    expect(names(got.delete)).toEqual([old.metadata.name]);
  });

  it('updates the labels of a slice when the Service labels change', () => {
    const slice = stored(plan(service(), [pod('a')]).create[0]);
    const got = plan(service({ labels: { tier: 'front' } }), [pod('a')], [slice]);
    expect(got.update[0].metadata.labels).toHaveProperty('tier', 'front');
  });

  it('leaves out terminal pods and pods without an IP', () => {
    const got = plan(service(), [pod('a', { phase: 'Failed' }), pod('b', { ip: '' }), pod('c', { ip: '10.42.0.7' })]);
    expect(podsNamed(got.create[0])).toEqual(['c']);
  });
});
