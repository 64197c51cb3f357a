import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryRevisionLog } from '../../store/memory/memory-revision-log.ts';
import { WatchCache } from '../storage/watch-cache.ts';
import type { KubeObject } from '../meta/object.ts';
import type { WriteHook } from '../handlers/deps.ts';
import { StatusError } from '../errors.ts';
import { quotaAdmissionHook } from './quota-admission.ts';

function pod(name: string, resources: { requests?: Record<string, string>; limits?: Record<string, string> } = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'q' }, spec: { containers: [{ name: 'c', image: 'x', resources }] } } as KubeObject;
}

let store: MemoryRevisionLog;
let hook: WriteHook;

beforeEach(async () => {
  store = new MemoryRevisionLog();
  const cache = new WatchCache(store);
  await cache.start();
  hook = quotaAdmissionHook({ cache, now: () => new Date('2026-01-01T00:00:00Z') });
  const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'q' }, spec: { hard: { 'requests.cpu': '2', pods: '2', 'count/deployments.apps': '0' } } };
  await store.create('/registry/resourcequotas/q/compute', JSON.stringify(quota));
  await store.create('/registry/pods/q/one', JSON.stringify(pod('one', { requests: { cpu: '1' } })));
});

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect((e as StatusError).code).toBe(403);
    return (e as Error).message;
  }
}

describe('quotaAdmissionHook', () => {
  const cases: { name: string; resource: string; obj: KubeObject; want: string | undefined }[] = [
    { name: 'admits a pod that fits', resource: 'pods', obj: pod('two', { requests: { cpu: '1' } }), want: undefined },
    {
      name: 'refuses a pod over the cpu quota with upstream message',
      resource: 'pods',
      obj: pod('big', { requests: { cpu: '1500m' } }),
      want: 'pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=1500m, used: requests.cpu=1, limited: requests.cpu=2',
    },
    { name: 'refuses a pod that sets no cpu request', resource: 'pods', obj: pod('bare'), want: 'pods "bare" is forbidden: failed quota: compute: must specify requests.cpu for: c' },
    {
      name: 'refuses any count/ resource at its limit',
      resource: 'deployments.apps',
      obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'q' } } as KubeObject,
      want: 'deployments.apps "d" is forbidden: exceeded quota: compute, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0',
    },
    { name: 'ignores resources the quota does not track', resource: 'configmaps', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'q' } } as KubeObject, want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => expect(refusal(() => hook({ obj: c.obj, resource: c.resource }))).toBe(c.want));
  }

  it('counts a write admitted but not yet landed until it is released', () => {
    const release = hook({ obj: pod('two', { requests: { cpu: '500m' } }), resource: 'pods' });
    expect(refusal(() => hook({ obj: pod('three', { requests: { cpu: '100m' } }), resource: 'pods' }))).toBe(
      'pods "three" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2',
    );
    release();
    expect(refusal(() => hook({ obj: pod('three', { requests: { cpu: '100m' } }), resource: 'pods' }))).toBeUndefined();
  });

  it('charges an update only what it adds', () => {
    const old = pod('one', { requests: { cpu: '1' } });
    old.metadata.resourceVersion = '2';
    expect(refusal(() => hook({ obj: { ...old, metadata: { ...old.metadata, labels: { a: 'b' } } }, old, resource: 'pods' }))).toBeUndefined();
  });
});
