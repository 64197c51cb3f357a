/**
 * A Deployment of 1,000 replicas (issue 3: all pods created and bound <= 4 s after
 * `kubectl apply` returns) on a real server (`--disable-agent`) with 100 Ready Node objects:
 * the Deployment and ReplicaSet controllers and the scheduler run inside the server. A watch
 * on the namespace, opened before the apply, sees every pod created and every pod bound.
 *
 *   node --import tsx bench/deployment-1000.ts
 */
import { ResourceClient } from '../src/client/client.ts';
import { httpsTransport } from '../src/client/https-transport.ts';
import type { KubeObject } from '../src/client/object.ts';
import { adminCredentials, startServer } from '../test/e2e/harness/server.ts';
import type { Figure } from './harness/figures.ts';
import { runIfMain } from './harness/run-if-main.ts';

export interface DeploymentBenchmarkOptions {
  nodes?: number;
  replicas?: number;
}

const NAMESPACE = 'bench-deployment';

export async function deploymentBenchmark(options: DeploymentBenchmarkOptions = {}): Promise<Figure[]> {
  const nodeCount = options.nodes ?? 100;
  const replicas = options.replicas ?? 1000;
  const server = await startServer();
  const creds = await adminCredentials(server);
  const transport = httpsTransport({ server: creds.server, caPem: creds.ca, certPem: creds.cert, keyPem: creds.key, maxSockets: 32 });
  const watchAbort = new AbortController();
  try {
    const type = (resource: string, namespaced: boolean, group = '') => ({ group, version: group ? 'v1' : 'v1', resource, namespaced });
    const nodes = new ResourceClient<KubeObject>({ transport, type: type('nodes', false) });
    const pods = new ResourceClient<KubeObject>({ transport, type: type('pods', true) });
    const namespaces = new ResourceClient<KubeObject>({ transport, type: type('namespaces', false) });
    await namespaces.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    await inParallel(nodeCount, 16, async (i) => {
      const name = `node-${i}`;
      await nodes.create({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });
      const capacity = { cpu: '8', memory: '32Gi', pods: '110' };
      await nodes.patch({
        name,
        type: 'merge',
        subresource: 'status',
        patch: { status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: now, lastTransitionTime: now }] } },
      });
    });

    // Watch from the current revision: every pod of the deployment arrives as ADDED, its binding as MODIFIED.
    const start = await pods.list({ namespace: NAMESPACE, limit: 1 });
    const created = new Set<string>();
    const bound = new Set<string>();
    let appliedAt = 0;
    let allCreatedAt = 0;
    let allBoundAt = 0;
    const watching = (async () => {
      for await (const ev of pods.watch({ namespace: NAMESPACE, resourceVersion: start.metadata.resourceVersion, signal: watchAbort.signal })) {
        const name = ev.object.metadata?.name ?? '';
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED') {
          created.add(name);
          if ((ev.object.spec as { nodeName?: string } | undefined)?.nodeName) bound.add(name);
        }
        if (!allCreatedAt && created.size >= replicas) allCreatedAt = performance.now();
        if (!allBoundAt && bound.size >= replicas) allBoundAt = performance.now();
        if (allCreatedAt && allBoundAt) return;
      }
    })().catch(() => {});

    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: big, namespace: ${NAMESPACE}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec: {containers: [{name: c, image: registry.k8s.io/pause:3.9, resources: {requests: {cpu: 10m, memory: 16Mi}}}]}
`;
    const applied = await server.kubectl(['apply', '-f', '-'], { input: manifest });
    if (applied.exitCode !== 0) throw new Error(`kubectl apply failed: ${applied.stderr}`);
    appliedAt = performance.now();
    const deadline = appliedAt + 60_000;
    while ((!allCreatedAt || !allBoundAt) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    watchAbort.abort();
    await watching;
    const benchmark = 'deployment of 1,000 replicas';
    const seconds = (t: number) => (t ? (t - appliedAt) / 1000 : Number.NaN);
    return [
      {
        benchmark,
        name: `all ${replicas} pods created, from kubectl apply returning`,
        value: seconds(allCreatedAt),
        unit: 's',
        target: { atMost: 4 },
        note: `${created.size} pods seen; part of the "created and bound" target`,
      },
      {
        benchmark,
        name: `all ${replicas} pods created and bound onto ${nodeCount} nodes`,
        value: seconds(allBoundAt),
        unit: 's',
        target: { atMost: 4 },
        note: `${bound.size} pods bound by the server's scheduler`,
      },
    ];
  } finally {
    watchAbort.abort();
    const stopped = await Promise.race([server.stop().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!stopped) await server.kill();
    await server.cleanup();
  }
}

async function inParallel(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await fn(next++);
  }));
}

await runIfMain(import.meta.url, 'Deployment of 1,000 replicas', () => deploymentBenchmark());
