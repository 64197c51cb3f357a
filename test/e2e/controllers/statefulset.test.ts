import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { apply, container, getJson, kubectlOk, podsWith, setPodPhase, stopServer, waitFor } from './sets-and-batch-helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await stopServer(server);
});

const sts = (name: string, spec: Record<string, unknown> = {}, image = 'busybox') => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name },
  spec: {
    serviceName: name,
    replicas: 3,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ ...container, image }] } },
    ...spec,
  },
});

const names = async (app: string) => (await podsWith(server, `app=${app}`)).map((p) => p.metadata.name).sort();
const readyAll = async (app: string) => {
  for (const p of await podsWith(server, `app=${app}`)) {
    if (p.status?.phase !== 'Running' && !p.metadata.deletionTimestamp) await setPodPhase(server, { name: p.metadata.name }, 'Running');
  }
};

describe('StatefulSet controller', () => {
  it('creates ordinal pods one at a time, each after the previous is Running and Ready, with claims', async () => {
    await apply(server, sts('web', { volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }));
    await waitFor('web-0', async () => (await names('web')).join() === 'web-0');
    // OrderedReady: nothing more while web-0 is not ready.
    await new Promise((r) => setTimeout(r, 500));
    expect(await names('web')).toEqual(['web-0']);
    const pod = (await podsWith(server, 'app=web'))[0];
    expect(pod.metadata.labels['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(pod.metadata.labels['apps.kubernetes.io/pod-index']).toBe('0');
    expect(pod.metadata.labels['controller-revision-hash']).toMatch(/^web-/);
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.subdomain).toBe('web');
    expect(pod.spec.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    await kubectlOk(server, ['get', 'pvc', 'www-web-0']);
    for (const n of ['web-1', 'web-2']) {
      await readyAll('web');
      await waitFor(n, async () => (await names('web')).includes(n));
    }
    await readyAll('web');
    const set = await waitFor('3 ready', async () => {
      const s = await getJson(server, ['sts', 'web']);
      return s.status?.readyReplicas === 3 && s;
    });
    expect(set.status.currentRevision).toBe(set.status.updateRevision);
    expect(set.status.currentReplicas).toBe(3);
    const revisions = await getJson(server, ['controllerrevisions', '-l', 'app=web']);
    expect(revisions.items).toHaveLength(1);
  });

  it('rolls an update from the highest ordinal down to the partition', async () => {
    await kubectlOk(server, ['patch', 'sts', 'web', '--type=merge', '-p', JSON.stringify({ spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, template: { spec: { containers: [{ ...container, image: 'busybox:2' }] } } } })]);
    const imageOf = async (n: string) => (await getJson(server, ['pod', n])).spec.containers[0].image;
    await waitFor('web-2 updated', async () => {
      await readyAll('web');
      return (await imageOf('web-2').catch(() => '')) === 'busybox:2';
    });
    await readyAll('web');
    await waitFor('web-1 updated', async () => {
      await readyAll('web');
      return (await imageOf('web-1').catch(() => '')) === 'busybox:2';
    });
    await readyAll('web');
    const s = await waitFor('2 updated', async () => {
      const s = await getJson(server, ['sts', 'web']);
      return s.status?.updatedReplicas === 2 && s.status.readyReplicas === 3 && s;
    });
    expect(await imageOf('web-0')).toBe('busybox');
    expect(s.status.currentRevision).not.toBe(s.status.updateRevision);
    const revisions = await getJson(server, ['controllerrevisions', '-l', 'app=web']);
    expect(revisions.items.map((r: any) => r.revision).sort()).toEqual([1, 2]);
  });

  it('scales down from the highest ordinal', async () => {
    await kubectlOk(server, ['scale', 'sts', 'web', '--replicas=1']);
    await waitFor('only web-0', async () => (await names('web')).join() === 'web-0');
    await waitFor('status replicas 1', async () => (await getJson(server, ['sts', 'web'])).status?.replicas === 1);
    await kubectlOk(server, ['get', 'pvc', 'www-web-2']); // Retain is the default
  });

  it('creates every pod at once with Parallel management', async () => {
    await apply(server, sts('par', { podManagementPolicy: 'Parallel' }));
    await waitFor('3 pods', async () => (await names('par')).join() === 'par-0,par-1,par-2');
  });

  it('carries on in order after the server is killed and restarted', async () => {
    await apply(server, sts('safe', { replicas: 2 }));
    await waitFor('safe-0', async () => (await names('safe')).join() === 'safe-0');
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await readyAll('safe');
    await waitFor('safe-1', async () => (await names('safe')).join() === 'safe-0,safe-1');
    await readyAll('safe');
    await waitFor('2 ready', async () => (await getJson(server, ['sts', 'safe'])).status?.readyReplicas === 2);
  });
});
