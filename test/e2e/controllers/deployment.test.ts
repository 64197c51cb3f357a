import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { deploymentYaml, eventually, getJson, kubectlOk, makePodsReady, stopServer } from './workload-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await stopServer(server);
});

/** Plays the kubelet until the rollout of `name` completes: pods become ready as the controller creates them. */
async function driveRollout(name: string, timeoutMs = 20_000): Promise<void> {
  await eventually(
    async () => {
      await makePodsReady(server, `app=${name}`);
      const d = await getJson(server, ['get', 'deploy', name]);
      const s = d.status ?? {};
      const want = d.spec.replicas;
      return s.observedGeneration >= d.metadata.generation && s.updatedReplicas === want && s.replicas === want && s.availableReplicas === want;
    },
    { what: `rollout of ${name}`, timeoutMs },
  );
}

describe('the Deployment controller', () => {
  it('creates a ReplicaSet <name>-<hash> with its pods, and kubectl get deploy shows the counts', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], deploymentYaml({ name: 'web', image: 'nginx:1.25' }));
    const rs = await eventually(async () => {
      const list = await getJson(server, ['get', 'rs', '-l', 'app=web']);
      return list.items.length === 1 && list.items[0].status?.replicas === 3 ? list.items[0] : undefined;
    }, { what: 'the ReplicaSet with 3 pods' });
    const hash = rs.metadata.labels['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true });
    const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
    for (const p of pods.items) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));

    await driveRollout('web');
    const table = await kubectlOk(server, ['get', 'deploy', 'web']);
    expect(table).toMatch(/web\s+3\/3\s+3\s+3\s/);
    const out = await kubectlOk(server, ['rollout', 'status', 'deploy/web', '--timeout=10s']);
    expect(out).toContain('deployment "web" successfully rolled out');
    const d = await getJson(server, ['get', 'deploy', 'web']);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    const byType = Object.fromEntries(d.status.conditions.map((c: any) => [c.type, c]));
    expect(byType.Available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(byType.Progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
  });

  it('rolls out a new image within maxSurge/maxUnavailable, records revision 2 and tells the story in events', async () => {
    await kubectlOk(server, ['set', 'image', 'deploy/web', 'c=nginx:1.26']);
    // With 3 replicas, maxSurge 25% rounds up to 1 and maxUnavailable 25% down to 0: never more than 4 pods, never fewer than 3 available.
    let maxPods = 0;
    await eventually(
      async () => {
        const rss = await getJson(server, ['get', 'rs', '-l', 'app=web']);
        const total = rss.items.reduce((n: number, rs: any) => n + rs.spec.replicas, 0);
        maxPods = Math.max(maxPods, total);
        await makePodsReady(server, 'app=web');
        const d = await getJson(server, ['get', 'deploy', 'web']);
        return d.status.observedGeneration >= d.metadata.generation && d.status.updatedReplicas === 3 && d.status.replicas === 3 && d.status.availableReplicas === 3;
      },
      { what: 'the image rollout', timeoutMs: 25_000 },
    );
    expect(maxPods).toBeLessThanOrEqual(4);
    const d = await getJson(server, ['get', 'deploy', 'web']);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    const rss = await getJson(server, ['get', 'rs', '-l', 'app=web']);
    expect(rss.items).toHaveLength(2);
    const describe = await kubectlOk(server, ['describe', 'deploy', 'web']);
    expect(describe).toMatch(/ScalingReplicaSet\s.*Scaled up replica set web-\w+ from 0 to 1/);
    expect(describe).toMatch(/Scaled down replica set web-\w+ from \d to \d/);
    expect(describe).toMatch(/ScalingReplicaSet\s+\S+\s+deployment-controller/);
    const history = await kubectlOk(server, ['rollout', 'history', 'deploy/web']);
    expect(history).toMatch(/^1\s/m);
    expect(history).toMatch(/^2\s/m);
  });

  it('undoes to revision 1 with kubectl rollout undo, which becomes revision 3', async () => {
    await kubectlOk(server, ['rollout', 'undo', 'deploy/web']);
    await driveRollout('web');
    const d = await getJson(server, ['get', 'deploy', 'web']);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.25');
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    const rss = await getJson(server, ['get', 'rs', '-l', 'app=web']);
    const current = rss.items.find((rs: any) => rs.spec.template.spec.containers[0].image === 'nginx:1.25');
    expect(current.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(current.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(rss.items).toHaveLength(2);
  });

  it('does not roll out while paused, and does after resume', async () => {
    await kubectlOk(server, ['rollout', 'pause', 'deploy/web']);
    await eventually(async () => (await getJson(server, ['get', 'deploy', 'web'])).status.conditions.some((c: any) => c.type === 'Progressing' && c.reason === 'DeploymentPaused'), { what: 'DeploymentPaused' });
    await kubectlOk(server, ['set', 'image', 'deploy/web', 'c=nginx:1.27']);
    await new Promise((r) => setTimeout(r, 700));
    const rss = await getJson(server, ['get', 'rs', '-l', 'app=web']);
    expect(rss.items.some((rs: any) => rs.spec.template.spec.containers[0].image === 'nginx:1.27')).toBe(false);
    await kubectlOk(server, ['rollout', 'resume', 'deploy/web']);
    await driveRollout('web');
    const d = await getJson(server, ['get', 'deploy', 'web']);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
  });

  it('restarts with kubectl rollout restart (a new template annotation, a new ReplicaSet)', async () => {
    await kubectlOk(server, ['rollout', 'restart', 'deploy/web']);
    await driveRollout('web');
    const d = await getJson(server, ['get', 'deploy', 'web']);
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBeTruthy();
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('5');
  });

  it('scales proportionally and keeps the desired-replicas annotation current', async () => {
    await kubectlOk(server, ['scale', 'deploy/web', '--replicas=5']);
    await driveRollout('web');
    const rss = await getJson(server, ['get', 'rs', '-l', 'app=web']);
    const active = rss.items.filter((rs: any) => rs.spec.replicas > 0);
    expect(active).toHaveLength(1);
    expect(active[0].metadata.annotations['deployment.kubernetes.io/desired-replicas']).toBe('5');
    expect(active[0].metadata.annotations['deployment.kubernetes.io/max-replicas']).toBe('7');
  });

  it('answers rollout status and history to kubectl 1.27 and 1.33 too', async () => {
    for (const version of ['1.27', '1.33']) {
      const binary = `/usr/lib/google-cloud-sdk/bin/kubectl.${version}`;
      const status = await server.kubectl(['rollout', 'status', 'deploy/web', '--timeout=10s'], { binary });
      expect(status.stdout, `${version}: ${status.stderr}`).toContain('successfully rolled out');
      const history = await server.kubectl(['rollout', 'history', 'deploy/web', '--revision=5'], { binary });
      expect(history.stdout, `${version}: ${history.stderr}`).toMatch(/revision #5/);
    }
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    await kubectlOk(server, ['patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"revisionHistoryLimit":1}}']);
    await eventually(async () => (await getJson(server, ['get', 'rs', '-l', 'app=web'])).items.length === 2, { what: 'old ReplicaSets cleaned up' });
  });

  it('replaces every pod at once with Recreate', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], deploymentYaml({ name: 'batch', image: 'busybox:1', replicas: 2, strategy: 'strategy: {type: Recreate}' }));
    await driveRollout('batch');
    await kubectlOk(server, ['set', 'image', 'deploy/batch', 'c=busybox:2']);
    // Never old and new pods together: the new ReplicaSet waits until the old one is at 0 with no pods.
    await eventually(
      async () => {
        const rss = await getJson(server, ['get', 'rs', '-l', 'app=batch']);
        const byImage = Object.fromEntries(rss.items.map((rs: any) => [rs.spec.template.spec.containers[0].image, rs]));
        if (byImage['busybox:2'] && byImage['busybox:1']) expect(byImage['busybox:1'].status.replicas ?? 0).toBe(0);
        await makePodsReady(server, 'app=batch');
        const d = await getJson(server, ['get', 'deploy', 'batch']);
        return d.status.updatedReplicas === 2 && d.status.availableReplicas === 2 && d.status.replicas === 2;
      },
      { what: 'the Recreate rollout' },
    );
  });

  it('finishes a rollout after the server is killed in the middle of it', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], deploymentYaml({ name: 'crash', image: 'nginx:1', replicas: 4 }));
    await driveRollout('crash');
    await kubectlOk(server, ['set', 'image', 'deploy/crash', 'c=nginx:2']);
    await eventually(async () => (await getJson(server, ['get', 'rs', '-l', 'app=crash'])).items.length === 2, { what: 'the second ReplicaSet' });
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await driveRollout('crash');
    const rss = await getJson(server, ['get', 'rs', '-l', 'app=crash']);
    // The same two ReplicaSets (names from the stable hash), the old one at zero.
    expect(rss.items).toHaveLength(2);
    expect(rss.items.find((rs: any) => rs.spec.template.spec.containers[0].image === 'nginx:1').spec.replicas).toBe(0);
    expect((await getJson(server, ['get', 'deploy', 'crash'])).metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('reports ProgressDeadlineExceeded when pods never become ready, and rollout status fails', async () => {
    await kubectlOk(server, ['apply', '-f', '-'], deploymentYaml({ name: 'stuck', image: 'nginx:1', replicas: 1, extra: 'progressDeadlineSeconds: 2' }));
    const cond = await eventually(
      async () => (await getJson(server, ['get', 'deploy', 'stuck'])).status?.conditions?.find((c: any) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded'),
      { what: 'ProgressDeadlineExceeded', timeoutMs: 10_000 },
    );
    expect(cond).toMatchObject({ status: 'False', message: expect.stringMatching(/^ReplicaSet "stuck-\w+" has timed out progressing\.$/) });
    const r = await server.kubectl(['rollout', 'status', 'deploy/stuck', '--timeout=5s']);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('exceeded its progress deadline');
  });
});
