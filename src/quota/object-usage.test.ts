import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client/index.ts';
import { namespaceUsage, objectUsage } from './object-usage.ts';
import { usageToResourceList } from './quantities.ts';
import { trackedResourceOf } from './tracked-resources.ts';
import { missingComputeSpecification } from './pod-constraints.ts';

const now = new Date('2026-01-01T00:00:00Z');

function pod(name: string, containers: { requests?: Record<string, string>; limits?: Record<string, string> }[], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'q', ...((extra.metadata as object) ?? {}) },
    spec: { containers: containers.map((resources, i) => ({ name: `c${i}`, image: 'x', resources })), ...((extra.spec as object) ?? {}) },
    status: (extra.status as object) ?? {},
  } as KubeObject;
}

describe('objectUsage', () => {
  const cases: { name: string; resource: string; obj: KubeObject; want: Record<string, string> }[] = [
    {
      name: 'charges a running pod its summed requests and limits, bare cpu meaning requests',
      resource: 'pods',
      obj: pod('a', [{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1' } }, { requests: { cpu: '500m', memory: '512Mi' } }]),
      want: { 'count/pods': '1', pods: '1', cpu: '1', 'requests.cpu': '1', memory: '1536Mi', 'requests.memory': '1536Mi', 'limits.cpu': '1' },
    },
    {
      name: 'charges a finished pod only its count/pods',
      resource: 'pods',
      obj: pod('b', [{ requests: { cpu: '1' } }], { status: { phase: 'Succeeded' } }),
      want: { 'count/pods': '1' },
    },
    {
      name: 'stops charging a deleted pod once its grace period has run out',
      resource: 'pods',
      obj: pod('c', [{ requests: { cpu: '1' } }], { metadata: { deletionTimestamp: '2025-12-31T23:59:00Z', deletionGracePeriodSeconds: 30 } }),
      want: { 'count/pods': '1' },
    },
    {
      name: 'raises a pod to its largest init container',
      resource: 'pods',
      obj: pod('d', [{ requests: { cpu: '100m' } }], { spec: { initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '2' } } }] } }),
      want: { 'count/pods': '1', pods: '1', cpu: '2', 'requests.cpu': '2' },
    },
    {
      name: 'counts the node ports of a NodePort service',
      resource: 'services',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] } } as KubeObject,
      want: { 'count/services': '1', services: '1', 'services.nodeports': '2' },
    },
    {
      name: 'counts any other resource as one object under count/<resource>.<group>',
      resource: 'deployments.apps',
      obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } } as KubeObject,
      want: { 'count/deployments.apps': '1' },
    },
    {
      name: 'counts a ConfigMap under its legacy name too',
      resource: 'configmaps',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KubeObject,
      want: { 'count/configmaps': '1', configmaps: '1' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(usageToResourceList(objectUsage({ resource: c.resource, obj: c.obj, now }))).toEqual(c.want);
    });
  }
});

describe('trackedResourceOf', () => {
  const cases: [string, string | undefined][] = [
    ['pods', 'pods'],
    ['requests.cpu', 'pods'],
    ['memory', 'pods'],
    ['services.nodeports', 'services'],
    ['requests.storage', 'persistentvolumeclaims'],
    ['count/deployments.apps', 'deployments.apps'],
    ['count/pods', 'pods'],
    ['bogus', undefined],
  ];
  for (const [name, want] of cases) {
    it(`maps ${name} to ${want ?? 'nothing'}`, () => expect(trackedResourceOf(name)).toBe(want));
  }
});

describe('namespaceUsage', () => {
  it('reports every tracked hard name, zero when unused, and skips names nothing tracks', () => {
    const objects: Record<string, KubeObject[]> = {
      pods: [pod('a', [{ requests: { cpu: '250m' } }]), pod('b', [{ requests: { cpu: '750m', memory: '1Gi' } }])],
    };
    const usage = namespaceUsage({ names: ['pods', 'requests.cpu', 'requests.memory', 'secrets', 'bogus'], objectsOf: (r) => objects[r] ?? [], now });
    expect(usageToResourceList(usage)).toEqual({ pods: '2', 'requests.cpu': '1', 'requests.memory': '1Gi', secrets: '0' });
  });
});

describe('missingComputeSpecification', () => {
  const cases: { name: string; obj: KubeObject; tracked: string[]; want: string | undefined }[] = [
    { name: 'accepts a pod whose containers all set what the quota tracks', obj: pod('a', [{ requests: { cpu: '1' } }]), tracked: ['requests.cpu', 'pods'], want: undefined },
    {
      name: 'names every missing resource with the containers that miss it',
      obj: pod('b', [{ requests: { cpu: '1' } }, {}]),
      tracked: ['requests.cpu', 'limits.cpu', 'limits.memory'],
      want: 'must specify limits.cpu for: c0,c1; limits.memory for: c0,c1; requests.cpu for: c1',
    },
    { name: 'asks nothing of pods when the quota tracks only counts', obj: pod('c', [{}]), tracked: ['pods', 'count/pods'], want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => expect(missingComputeSpecification(c.obj, c.tracked)).toBe(c.want));
  }
});
