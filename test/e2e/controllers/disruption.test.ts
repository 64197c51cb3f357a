import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { eventually, getJson, kubectlOk, makePodsReady, stopServer } from './workload-helpers.ts';

/**
 * PodDisruptionBudgets end to end: the disruption controller's status as `kubectl get pdb`
 * shows it, and `kubectl drain` refused, then allowed, by the eviction subresource. Node
 * objects stand in for nodes; the test plays the kubelet (Ready pods, force-deleting the
 * terminating ones, since nothing else would finish them).
 */
let server: RunningServer;

async function readyNode(name: string): Promise<void> {
  await kubectlOk(server, ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } }));
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const status = {
    capacity: { cpu: '4', memory: '8Gi', pods: '110' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready', lastHeartbeatTime: now, lastTransitionTime: now }],
  };
  await kubectlOk(server, ['patch', 'node', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

/** The kubelet's part while a drain runs: bound pods become Ready, terminating ones go. */
function playKubelet(): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
        for (const p of pods.items) {
          if (p.metadata.deletionTimestamp) await server.kubectl(['delete', 'pod', p.metadata.name, '--grace-period=0', '--force']);
        }
        const bound = pods.items.filter((p: any) => p.spec.nodeName && !p.metadata.deletionTimestamp).length;
        if (bound > 0) await makePodsReady(server, 'app=web');
      } catch {
        // The next round tries again.
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

const pdbStatus = async () => (await getJson(server, ['get', 'pdb', 'web'])).status ?? {};

beforeAll(async () => {
  server = await startServer();
  await readyNode('n1');
  await kubectlOk(
    server,
    ['apply', '-f', '-'],
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: busybox}]}
`,
  );
  await eventually(
    async () => {
      const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
      return pods.items.length === 2 && pods.items.every((p: any) => p.spec.nodeName === 'n1');
    },
    { what: 'two web pods bound to n1', timeoutMs: 30_000 },
  );
  await makePodsReady(server, 'app=web');
  await kubectlOk(server, ['apply', '-f', '-'], 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: web}}\n');
}, 90_000);
afterAll(() => stopServer(server));

describe('PodDisruptionBudgets', () => {
  it('reports healthy, desired and expected pods and no allowed disruption when minAvailable equals the replicas', async () => {
    const status = await eventually(async () => {
      const s = await pdbStatus();
      return s.currentHealthy === 2 && s.observedGeneration === 1 ? s : undefined;
    }, { what: 'PDB status with two healthy pods' });
    expect(status).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, expectedPods: 2, disruptionsAllowed: 0 });
    expect(status.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' })]);
    const table = await kubectlOk(server, ['get', 'pdb', 'web']);
    expect(table.split('\n')[0]).toMatch(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE$/);
    expect(table.split('\n')[1]).toMatch(/^web\s+2\s+N\/A\s+0\s+/);
  });

  it('refuses kubectl drain while the budget allows no disruption', async () => {
    const r = await server.kubectl(['drain', 'n1', '--ignore-daemonsets', '--timeout=10s'], { timeoutMs: 40_000 });
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget");
    const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
    expect(pods.items.filter((p: any) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  }, 60_000);

  it('answers an eviction refusal as upstream: 429 with a DisruptionBudget cause', async () => {
    const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
    const name = pods.items[0].metadata.name;
    const eviction = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });
    const r = await server.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${name}/eviction`, '-f', '-'], { input: eviction });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget");
  });

  it('lets kubectl drain through once the budget allows one disruption at a time', async () => {
    await kubectlOk(server, ['patch', 'pdb', 'web', '--type=merge', '-p', '{"spec":{"minAvailable":1}}']);
    await eventually(async () => (await pdbStatus()).disruptionsAllowed === 1, { what: 'one allowed disruption' });
    expect((await kubectlOk(server, ['get', 'pdb', 'web'])).split('\n')[1]).toMatch(/^web\s+1\s+N\/A\s+1\s+/);
    // Somewhere for the replacements to go once n1 is cordoned.
    await readyNode('n2');
    const kubelet = playKubelet();
    try {
      const r = await server.kubectl(['drain', 'n1', '--ignore-daemonsets', '--timeout=60s'], { timeoutMs: 90_000 });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain('node/n1 drained');
    } finally {
      await kubelet.stop();
    }
    const pods = await getJson(server, ['get', 'pods', '-l', 'app=web']);
    expect(pods.items.every((p: any) => p.spec.nodeName === 'n2')).toBe(true);
    const status = await eventually(async () => {
      const s = await pdbStatus();
      return s.currentHealthy === 2 ? s : undefined;
    }, { what: 'the budget healthy again on n2', timeoutMs: 20_000 });
    expect(status).toMatchObject({ desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 1 });
  }, 120_000);
});
