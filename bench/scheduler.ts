/**
 * Scheduling throughput (issue 3: >= 500 pods/s): 100 Node objects and 1,000 pending pods
 * created through the API of a real server (`--disable-agent`), then the scheduler runs in
 * this process over the HTTPS transport of src/client until every pod is bound. Reports
 * pods/s from the scheduler's start (informer lists included) and from its caches' sync.
 *
 *   node --import tsx bench/scheduler.ts
 */
import { ResourceClient } from '../src/client/client.ts';
import { httpsTransport } from '../src/client/https-transport.ts';
import type { KubeObject } from '../src/client/object.ts';
import { Scheduler } from '../src/scheduler/scheduler.ts';
import type { Node, Pod } from '../src/scheduler/types.ts';
import { adminCredentials, startServer } from '../test/e2e/harness/server.ts';
import type { Figure } from './harness/figures.ts';
import { runIfMain } from './harness/run-if-main.ts';

export interface SchedulerBenchmarkOptions {
  nodes?: number;
  pods?: number;
}

const NAMESPACE = 'bench-scheduler';

export async function schedulerBenchmark(options: SchedulerBenchmarkOptions = {}): Promise<Figure[]> {
  const nodeCount = options.nodes ?? 100;
  const podCount = options.pods ?? 1000;
  // The server's own scheduler stays off: this process runs one and times it alone.
  const server = await startServer({ extraArgs: ['--disable-scheduler'] });
  const creds = await adminCredentials(server);
  const transport = httpsTransport({ server: creds.server, caPem: creds.ca, certPem: creds.cert, keyPem: creds.key, maxSockets: 64 });
  const errors: unknown[] = [];
  try {
    const nodes = new ResourceClient<Node>({ transport, type: { group: '', version: 'v1', resource: 'nodes', namespaced: false } });
    const pods = new ResourceClient<Pod>({ transport, type: { group: '', version: 'v1', resource: 'pods', namespaced: true } });
    const namespaces = new ResourceClient<KubeObject>({ transport, type: { group: '', version: 'v1', resource: 'namespaces', namespaced: false } });
    await namespaces.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    await inParallel(nodeCount, 16, async (i) => {
      const name = `node-${i}`;
      await nodes.create({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % 3}` } } });
      await nodes.patch({ name, type: 'merge', subresource: 'status', patch: { status: { allocatable: { cpu: '8', memory: '32Gi', pods: '110' }, capacity: { cpu: '8', memory: '32Gi', pods: '110' } } } });
    });
    await inParallel(podCount, 16, async (i) => {
      await pods.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pod-${i}`, namespace: NAMESPACE, labels: { app: `app-${i % 10}` } },
        spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      });
    });

    const scheduler = new Scheduler({ transport, onError: (e) => errors.push(e), bindConcurrency: Number(process.env.BIND ?? 16), eventConcurrency: Number(process.env.EV ?? 4) });
    const started = performance.now();
    await scheduler.start();
    const synced = performance.now();
    const deadline = started + 120_000;
    let bound = 0;
    for (;;) {
      bound = scheduler.stats.bound;
      if (bound >= podCount || performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const allBound = performance.now();
    await scheduler.stop();
    const list = await pods.list({ namespace: NAMESPACE });
    const perNode = new Map<string, number>();
    for (const p of list.items) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    const counts = [...perNode.values()];
    const benchmark = 'scheduling throughput';
    if (bound < podCount) throw new Error(`only ${bound} of ${podCount} pods bound in 120 s; first error: ${String(errors[0])}`);
    return [
      {
        benchmark,
        name: `${podCount} pending pods onto ${nodeCount} nodes, from scheduler start`,
        value: podCount / ((allBound - started) / 1000),
        unit: 'pods/s',
        target: { atLeast: 500 },
        note: `${((allBound - started) / 1000).toFixed(2)} s including informer sync of ${((synced - started) / 1000).toFixed(2)} s`,
      },
      { benchmark, name: 'the same, from caches synced', value: podCount / ((allBound - synced) / 1000), unit: 'pods/s' },
      { benchmark, name: 'pods per node, min..max', value: Math.min(...counts), unit: 'pods', note: `max ${Math.max(...counts)} over ${perNode.size} nodes; ${errors.length} errors` },
    ];
  } finally {
    transport.close();
    await server.stop();
    await server.cleanup();
  }
}

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

await runIfMain(import.meta.url, 'scheduling throughput', () => schedulerBenchmark());
