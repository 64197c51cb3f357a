import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { eventually, getJson, kubectlOk, makePodsReady, stopServer } from './workload-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await stopServer(server);
});

function replicaSetYaml(o: { name: string; replicas: number; minReadySeconds?: number }): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${o.name}}
spec:
  replicas: ${o.replicas}
  minReadySeconds: ${o.minReadySeconds ?? 0}
  selector: {matchLabels: {app: ${o.name}}}
  template:
    metadata: {labels: {app: ${o.name}, tier: fe}}
    spec: {containers: [{name: c, image: nginx}]}
`;
}

async function podsOf(selector: string): Promise<any[]> {
  return (await getJson(server, ['get', 'pods', '-l', selector])).items.filter((p: any) => !p.metadata.deletionTimestamp);
}

describe('the ReplicaSet controller', () => {
  it('creates pods named <rs>-<5 chars> owned by the ReplicaSet, and reports them in status', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], replicaSetYaml({ name: 'front', replicas: 3 }));
    const pods = await eventually(async () => ((await podsOf('app=front')).length === 3 ? podsOf('app=front') : undefined), { what: '3 pods' });
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^front-[a-z0-9]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'front', controller: true, blockOwnerDeletion: true })]);
    }
    await makePodsReady(server, 'app=front');
    const rs = await eventually(async () => {
      const rs = await getJson(server, ['get', 'rs', 'front']);
      return rs.status.readyReplicas === 3 ? rs : undefined;
    }, { what: 'readyReplicas 3' });
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const describe = await kubectlOk(server, ['describe', 'rs', 'front']);
    expect(describe).toMatch(/SuccessfulCreate\s.*Created pod: front-[a-z0-9]{5}/);
  });

  it('deletes a not-ready pod before ready ones when scaled down', async () => {
    await kubectlOk(server, ['scale', 'rs/front', '--replicas=4']);
    const fresh = await eventually(async () => (await podsOf('app=front')).find((p) => !(p.status.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True')), { what: 'a fourth, not-ready pod' });
    await kubectlOk(server, ['scale', 'rs/front', '--replicas=3']);
    await eventually(async () => !(await podsOf('app=front')).some((p) => p.metadata.name === fresh.metadata.name), { what: 'the not-ready pod deleted' });
    expect(await podsOf('app=front')).toHaveLength(3);
    expect(await kubectlOk(server, ['describe', 'rs', 'front'])).toContain(`Deleted pod: ${fresh.metadata.name}`);
  });

  it('adopts a matching orphan pod and releases a pod whose labels stop matching', async () => {
    await kubectlOk(server, ['run', 'stray', '--image=nginx', '--labels=app=front,tier=fe', '--restart=Never']);
    // 4 matching pods for 3 replicas: the orphan is adopted and one pod goes.
    await eventually(async () => (await podsOf('app=front')).length === 3, { what: 'back to 3 pods after adoption' });
    const owned = await podsOf('app=front');
    for (const p of owned) expect(p.metadata.ownerReferences?.[0]?.name).toBe('front');

    const victim = owned[0].metadata.name;
    await kubectlOk(server, ['label', 'pod', victim, 'app=elsewhere', '--overwrite']);
    await eventually(async () => {
      const released = await getJson(server, ['get', 'pod', victim]);
      return !released.metadata.ownerReferences?.length && (await podsOf('app=front')).length === 3;
    }, { what: 'the relabelled pod released and replaced' });
  });

  it('counts a ready pod as available only after minReadySeconds', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], replicaSetYaml({ name: 'slow', replicas: 1, minReadySeconds: 2 }));
    await eventually(async () => (await podsOf('app=slow')).length === 1, { what: 'one pod' });
    await makePodsReady(server, 'app=slow');
    const early = await eventually(async () => {
      const rs = await getJson(server, ['get', 'rs', 'slow']);
      return rs.status.readyReplicas === 1 ? rs : undefined;
    }, { what: 'readyReplicas 1' });
    expect(early.status.availableReplicas ?? 0).toBe(0);
    await eventually(async () => (await getJson(server, ['get', 'rs', 'slow'])).status.availableReplicas === 1, { what: 'availableReplicas 1 after minReadySeconds', timeoutMs: 8_000 });
  });

  it('runs ReplicationControllers too, with their map selector defaulted from the template', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: c, image: nginx}]}
`);
    const pods = await eventually(async () => ((await podsOf('app=legacy')).length === 2 ? podsOf('app=legacy') : undefined), { what: '2 pods of the ReplicationController' });
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy', controller: true });
    await eventually(async () => (await getJson(server, ['get', 'rc', 'legacy'])).status?.replicas === 2, { what: 'status.replicas 2' });
  });

  it('carries on after the server is killed mid-scale, without creating extra pods', async () => {
    await kubectlOk(server, ['scale', 'rs/front', '--replicas=30']);
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await eventually(async () => (await podsOf('app=front')).length === 30, { what: '30 pods after restart', timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await podsOf('app=front')).toHaveLength(30);
    expect((await getJson(server, ['get', 'rs', 'front'])).status.replicas).toBe(30);
  });
});
