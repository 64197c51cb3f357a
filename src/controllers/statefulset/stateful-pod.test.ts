import { describe, expect, it } from 'vitest';
import { newClaim, newStatefulPod, podOrdinal } from './stateful-pod.ts';
import type { StatefulSet } from './statefulset-types.ts';

const claimTemplate = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } };
const sts: StatefulSet = {
  metadata: { name: 'db', namespace: 'prod', uid: 'u' },
  spec: { serviceName: 'db-headless', template: { metadata: { labels: { app: 'db' } }, spec: { containers: [], volumes: [{ name: 'data', emptyDir: {} }] } }, volumeClaimTemplates: [claimTemplate] },
};

describe('stateful pods', () => {
  it.each([
    ['reads the ordinal of a set pod', 'db-3', 3],
    ['rejects a pod of another set', 'dbx-3', undefined],
    ['rejects a non-numeric suffix', 'db-a', undefined],
    ['rejects leading zeros', 'db-01', undefined],
  ])('%s', (_name, name, ordinal) => {
    expect(podOrdinal(sts, { metadata: { name } })).toBe(ordinal);
  });

  it('names the pod by ordinal, with identity labels, hostname, subdomain and its claim volume', () => {
    const pod = newStatefulPod({ set: sts, template: sts.spec.template, ordinal: 2, revision: 'db-abc' });
    expect(pod.metadata).toMatchObject({
      name: 'db-2',
      labels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'db-abc' },
    });
    expect(pod.spec).toMatchObject({ hostname: 'db-2', subdomain: 'db-headless', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-2' } }] });
  });

  it('names claims <template>-<set>-<ordinal> and owns them only with whenDeleted: Delete', () => {
    expect(newClaim(sts, claimTemplate, 0).metadata).toMatchObject({ name: 'data-db-0', namespace: 'prod', labels: { app: 'db' } });
    expect(newClaim(sts, claimTemplate, 0).metadata.ownerReferences).toBeUndefined();
    const deleting = { ...sts, spec: { ...sts.spec, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' as const } } };
    expect(newClaim(deleting, claimTemplate, 0).metadata.ownerReferences).toMatchObject([{ kind: 'StatefulSet', name: 'db' }]);
  });
});
