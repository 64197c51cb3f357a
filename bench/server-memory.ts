/**
 * Server memory with 100 Node objects and 5,000 pods bound to them (target: RSS <= 250 MiB):
 * everything sits in the API's watch cache and in the controllers' and scheduler's informer
 * caches, as in a real cluster of that size. Also the idle RSS of the empty server for scale.
 *
 *   node --import tsx bench/server-memory.ts
 */
import { httpsClient } from '../test/e2e/harness/https-client.ts';
import { startServer } from '../test/e2e/harness/server.ts';
import { runCreateLoad } from './harness/create-load.ts';
import type { Figure } from './harness/figures.ts';
import { createNamespace } from './harness/objects.ts';
import { runIfMain } from './harness/run-if-main.ts';
import { residentMemory } from './harness/skiff-process.ts';

export async function serverMemoryBenchmark(options: { nodes?: number; pods?: number } = {}): Promise<Figure[]> {
  const nodes = options.nodes ?? 100;
  const pods = options.pods ?? 5000;
  const benchmark = 'server memory';
  const server = await startServer();
  try {
    const pid = server.process.pid!;
    await new Promise((r) => setTimeout(r, 3000));
    const idle = residentMemory(pid);
    const http = await httpsClient(server);
    await createNamespace(http, 'bench-memory');
    const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    for (let i = 0; i < nodes; i++) {
      const name = `node-${i}`;
      const status = {
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready', lastHeartbeatTime: stamp, lastTransitionTime: stamp }],
      };
      const r = await http('POST', '/api/v1/nodes', { body: JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, status }) });
      if (r.status !== 201) throw new Error(`creating ${name}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    }
    const load = await runCreateLoad({
      request: http,
      collectionPath: '/api/v1/namespaces/bench-memory/pods',
      concurrency: 16,
      count: pods,
      objectFor: (i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pod-${i}`, labels: { app: 'bench', shard: String(i % 10) } },
        spec: { nodeName: `node-${i % nodes}`, containers: [{ name: 'main', image: 'registry.local/bench:1', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      }),
    });
    if (load.acknowledged.length !== pods) throw new Error(`created ${load.acknowledged.length} of ${pods} pods: ${load.firstRejection ?? 'connection failures'}`);
    http.agent.destroy();
    // Let the informers catch up and the garbage collector settle before reading RSS.
    await new Promise((r) => setTimeout(r, 5000));
    const loaded = residentMemory(pid);
    return [
      { benchmark, name: 'RSS of the empty server (controllers and scheduler running)', value: idle.totalMiB, unit: 'MiB' },
      { benchmark, name: `RSS with ${nodes} nodes and ${pods} pods in the caches`, value: loaded.totalMiB, unit: 'MiB', target: { atMost: 250 } },
    ];
  } finally {
    await server.stop();
    await server.cleanup();
  }
}

await runIfMain(import.meta.url, 'server memory', () => serverMemoryBenchmark());
