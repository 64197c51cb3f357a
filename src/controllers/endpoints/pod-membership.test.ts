import { describe, expect, it } from 'vitest';
import { findPort, podIpForService, servicesToUpdateOnPodChange } from './pod-membership.ts';
import { pod, service } from './test-builders.ts';
import type { Pod } from './types.ts';

const web = service();
const api = service({ name: 'api', selector: { app: 'api' } });
const all = [web, api, service({ name: 'manual', selector: null })];
const bump = (p: Pod, change: (p: Pod) => void): Pod => {
  const next = structuredClone(p);
  next.metadata.resourceVersion = '2';
  change(next);
  return next;
};

describe('servicesToUpdateOnPodChange', () => {
  const cases: { name: string; oldPod: Pod; newPod: Pod; want: string[] }[] = [
    { name: 'ignores a resync with the same resourceVersion', oldPod: pod('a'), newPod: pod('a', { ready: false }), want: [] },
    { name: 'ignores a change the endpoints do not show', oldPod: pod('a'), newPod: bump(pod('a'), (p) => (p.metadata.annotations = { x: 'y' })), want: [] },
    { name: 'updates the matching Services when readiness flips', oldPod: pod('a'), newPod: bump(pod('a'), (p) => (p.status!.conditions![0].status = 'False')), want: ['default/web'] },
    { name: 'updates the matching Services when the pod goes terminal', oldPod: pod('a'), newPod: bump(pod('a'), (p) => (p.status!.phase = 'Succeeded')), want: ['default/web'] },
    { name: 'updates only the Services joined or left when just the labels change', oldPod: pod('a'), newPod: bump(pod('a'), (p) => (p.metadata.labels = { app: 'api' })), want: ['default/api', 'default/web'] },
    {
      name: 'updates old and new Services when labels and readiness change together',
      oldPod: pod('a', { labels: { app: 'web', tier: 'x' } }),
      newPod: bump(pod('a', { labels: { app: 'web' } }), (p) => (p.metadata.deletionTimestamp = 'now')),
      want: ['default/web'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([...servicesToUpdateOnPodChange(all, c.oldPod, c.newPod)].sort()).toEqual(c.want);
    });
  }
});

describe('findPort', () => {
  it('answers a numeric targetPort as is', () => expect(findPort(pod('a'), { port: 80, targetPort: 9000 })).toBe(9000));
  it('defaults the targetPort to the port', () => expect(findPort(pod('a'), { port: 80 })).toBe(80));
  it('resolves a name against the container ports', () => expect(findPort(pod('a'), { port: 80, targetPort: 'http' })).toBe(8080));
  it('answers undefined for an unknown name', () => expect(findPort(pod('a'), { port: 80, targetPort: 'x' })).toBeUndefined());
});

describe('podIpForService', () => {
  it('picks the pod IP of the Service family', () => {
    const p = pod('a');
    p.status!.podIPs = [{ ip: 'fd00::5' }, { ip: '10.42.0.5' }];
    expect(podIpForService(p, web)).toBe('10.42.0.5');
  });
});
