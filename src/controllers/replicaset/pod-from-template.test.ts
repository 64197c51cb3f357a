import { describe, expect, it } from 'vitest';
import { podFromTemplate } from './pod-from-template.ts';

describe('podFromTemplate()', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u', controller: true, blockOwnerDeletion: true };

  it('names the pod <owner>- for the server to complete and points it at its owner', () => {
    const pod = podFromTemplate({ template: { metadata: { labels: { app: 'web' }, annotations: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, namespace: 'ns', ownerName: 'web-abc', ref });
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-abc-', namespace: 'ns', labels: { app: 'web' }, annotations: { a: 'b' }, ownerReferences: [ref] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
  });

  it('copies the template so the cached owner is never changed', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } };
    const pod = podFromTemplate({ template, namespace: 'ns', ownerName: 'web', ref });
    pod.metadata.labels!.x = 'y';
    (pod.spec.containers as { name: string }[])[0].name = 'changed';
    expect(template).toEqual({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } });
  });
});
