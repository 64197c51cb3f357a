import { describe, expect, it } from 'vitest';
import { planEndpoints } from './desired-endpoints.ts';
import { pod, service } from './test-builders.ts';
import type { Endpoints } from './types.ts';

const stored = (over: Partial<Endpoints['metadata']> = {}, subsets?: Endpoints['subsets']): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default', resourceVersion: '7', ...over },
  subsets: subsets ?? [
    {
      addresses: [{ ip: '10.42.0.5', nodeName: 'node-a', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a', resourceVersion: '3' } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ],
});

describe('planEndpoints', () => {
  it('creates Endpoints named after the Service with its labels and the trigger time', () => {
    const plan = planEndpoints({ service: service({ labels: { team: 'x' } }), pods: [pod('a')], triggerTime: new Date('2024-01-01T00:01:00.5Z') });
    expect(plan.write).toBe('create');
    expect(plan.endpoints.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      labels: { team: 'x' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-01-01T00:01:00.5Z' },
    });
  });

  it('skips the write when the stored subsets differ only in pods\u2019 resourceVersions', () => {
    expect(planEndpoints({ service: service(), pods: [pod('a')], current: stored(), triggerTime: new Date() }).write).toBeUndefined();
  });

  it('updates when a pod turns not ready, clearing the trigger time when none changed', () => {
    const current = stored({ annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': 'x', keep: 'y' } });
    const plan = planEndpoints({ service: service(), pods: [pod('a', { ready: false })], current });
    expect(plan.write).toBe('update');
    expect(plan.endpoints.metadata.annotations).toEqual({ keep: 'y' });
    expect(plan.endpoints.subsets![0].notReadyAddresses).toHaveLength(1);
    expect(current.metadata.annotations).toHaveProperty('endpoints.kubernetes.io/last-change-trigger-time');
  });

  it('updates when the Service labels changed', () => {
    expect(planEndpoints({ service: service({ labels: { a: 'b' } }), pods: [pod('a')], current: stored() }).write).toBe('update');
  });

  it('ignores the headless label when comparing labels', () => {
    const current = stored({ labels: { 'service.kubernetes.io/headless': '' } });
    expect(planEndpoints({ service: service({ clusterIP: 'None' }), pods: [pod('a')], current }).write).toBeUndefined();
  });

  it('labels the Endpoints of a headless Service as headless', () => {
    expect(planEndpoints({ service: service({ clusterIP: 'None' }), pods: [] }).endpoints.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
  });

  it('writes Endpoints without subsets when no pod matches', () => {
    const plan = planEndpoints({ service: service(), pods: [] });
    expect(plan.write).toBe('create');
    expect(plan.endpoints.subsets).toBeUndefined();
  });

  it('removes a stale over-capacity annotation', () => {
    const current = stored({ annotations: { 'endpoints.kubernetes.io/over-capacity': 'truncated' } });
    const plan = planEndpoints({ service: service(), pods: [pod('a')], current });
    expect(plan.write).toBe('update');
    expect(plan.endpoints.metadata.annotations).toBeUndefined();
  });

  it('truncates to 1000 addresses and marks the Endpoints over capacity', () => {
    const pods = Array.from({ length: 1005 }, (_, i) => pod(`p${i}`, { ip: `10.42.${Math.floor(i / 250)}.${i % 250}` }));
    const plan = planEndpoints({ service: service(), pods });
    expect(plan.endpoints.subsets![0].addresses).toHaveLength(1000);
    expect(plan.endpoints.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
  });
});
