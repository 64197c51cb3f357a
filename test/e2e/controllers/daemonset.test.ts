import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { apply, container, createNode, getJson, kubectlOk, podsWith, setPodPhase, stopServer, waitFor } from './sets-and-batch-helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  await createNode(server, 'n1');
  await createNode(server, 'n2', { labels: { disk: 'ssd' } });
  await createNode(server, 'n3', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
});
afterAll(async () => {
  await stopServer(server);
});

const ds = (name: string, podSpec: Record<string, unknown> = {}, image = 'busybox') => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ ...container, image }], ...podSpec } },
  },
});

const affinityNode = (pod: any): string => pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];

/** Plays scheduler and kubelet: binds each pod to the node its affinity names, reports it Running and Ready, and finishes deletions. */
async function kubelet(app: string): Promise<void> {
  for (const pod of await podsWith(server, `app=${app}`)) {
    const name = pod.metadata.name;
    if (pod.metadata.deletionTimestamp) {
      await server.kubectl(['delete', 'pod', name, '--force', '--grace-period=0', '--wait=false']);
      continue;
    }
    if (!pod.spec.nodeName) {
      const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: affinityNode(pod) } };
      await server.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${name}/binding`, '-f', '-'], { input: JSON.stringify(binding) });
    }
    if (pod.status?.phase !== 'Running') await setPodPhase(server, { name }, 'Running');
  }
}

const nodesOf = async (app: string) => (await podsWith(server, `app=${app}`)).filter((p) => !p.metadata.deletionTimestamp).map(affinityNode).sort();

describe('DaemonSet controller', () => {
  it('places one pod per eligible node through node affinity, skipping untolerated taints', async () => {
    await apply(server, ds('agent'));
    await waitFor('pods on n1 and n2', async () => (await nodesOf('agent')).join() === 'n1,n2');
    const [pod] = await podsWith(server, 'app=agent');
    expect(pod.spec.tolerations).toEqual(
      expect.arrayContaining([
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    );
    expect(pod.metadata.labels['controller-revision-hash']).toBeTruthy();
    await kubelet('agent');
    const set = await waitFor('2 ready', async () => {
      const s = await getJson(server, ['ds', 'agent']);
      return s.status?.numberReady === 2 && s;
    });
    expect(set.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await nodesOf('agent')).toEqual(['n1', 'n2']); // no duplicates once bound
  });

  it('honours nodeSelector and follows node label changes', async () => {
    await apply(server, ds('ssd', { nodeSelector: { disk: 'ssd' } }));
    await waitFor('pod on n2', async () => (await nodesOf('ssd')).join() === 'n2');
    await kubectlOk(server, ['label', 'node', 'n1', 'disk=ssd']);
    await waitFor('pods on n1 and n2', async () => (await nodesOf('ssd')).join() === 'n1,n2');
  });

  it('tolerating the taint places a pod on the tainted node too', async () => {
    await apply(server, ds('tol', { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }] }));
    await waitFor('pods on all three', async () => (await nodesOf('tol')).join() === 'n1,n2,n3');
  });

  it('rolls a new template out one node at a time and records ControllerRevisions', async () => {
    await kubectlOk(server, ['set', 'image', 'ds/agent', 'main=busybox:2']);
    const done = await waitFor(
      'rollout',
      async () => {
        await kubelet('agent');
        const pods = (await podsWith(server, 'app=agent')).filter((p) => !p.metadata.deletionTimestamp);
        // maxUnavailable 1: never both nodes without a pod of either revision at once.
        expect(pods.length).toBeGreaterThanOrEqual(1);
        const s = await getJson(server, ['ds', 'agent']);
        return s.status?.updatedNumberScheduled === 2 && s.status.numberAvailable === 2 && pods.every((p) => p.spec.containers[0].image === 'busybox:2') && s;
      },
      30_000,
    );
    expect(done.status.desiredNumberScheduled).toBe(2);
    const revisions = await getJson(server, ['controllerrevisions', '-l', 'app=agent']);
    expect(revisions.items.map((r: any) => r.revision).sort()).toEqual([1, 2]);
    const events = await kubectlOk(server, ['get', 'events', '--field-selector', 'involvedObject.name=agent']);
    expect(events).toMatch(/SuccessfulDelete/);
  });

  it('supports kubectl rollout history and undo through the revisions', async () => {
    expect(await kubectlOk(server, ['rollout', 'history', 'ds/agent'])).toMatch(/1\s+<none>[\s\S]*2\s+<none>/);
    await kubectlOk(server, ['rollout', 'undo', 'ds/agent']);
    await waitFor(
      'undo rolled out',
      async () => {
        await kubelet('agent');
        const pods = (await podsWith(server, 'app=agent')).filter((p) => !p.metadata.deletionTimestamp);
        const s = await getJson(server, ['ds', 'agent']);
        return s.status?.updatedNumberScheduled === 2 && pods.length === 2 && pods.every((p) => p.spec.containers[0].image === 'busybox');
      },
      30_000,
    );
    // The old revision is reused and renumbered, as upstream: revisions 2 and 3.
    const revisions = await getJson(server, ['controllerrevisions', '-l', 'app=agent']);
    expect(revisions.items.map((r: any) => r.revision).sort()).toEqual([2, 3]);
  });
});
