/**
 * LIST of 5,000 pods in one namespace (target <= 100 ms), as JSON and as the Table kubectl
 * asks for: median and p99 of 20 sequential lists each, after 5,000 small pods are created.
 *
 *   node --import tsx bench/list-5000.ts
 */
import { httpsClient, type Requester } from '../test/e2e/harness/https-client.ts';
import { startServer } from '../test/e2e/harness/server.ts';
import { runCreateLoad } from './harness/create-load.ts';
import type { Figure } from './harness/figures.ts';
import { createNamespace, unscheduledPod } from './harness/objects.ts';
import { runIfMain } from './harness/run-if-main.ts';
import { summarize } from './harness/stats.ts';

/** The Accept header kubectl get sends (k8s.io/kubectl's get printer negotiation). */
const kubectlTableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface List5000Options {
  pods?: number;
  lists?: number;
}

export async function list5000Benchmark(options: List5000Options = {}): Promise<Figure[]> {
  const pods = options.pods ?? 5000;
  const lists = options.lists ?? 20;
  const server = await startServer();
  try {
    const http = await httpsClient(server);
    await createNamespace(http, 'bench-list');
    const collectionPath = '/api/v1/namespaces/bench-list/pods';
    const load = await runCreateLoad({ request: http, collectionPath, concurrency: 16, count: pods, objectFor: (i) => unscheduledPod(`pod-${i}`) });
    if (load.acknowledged.length !== pods) throw new Error(`created ${load.acknowledged.length} of ${pods} pods: ${load.firstRejection ?? 'connection failures'}`);
    const json = await timeLists({ http, path: collectionPath, n: lists, accept: 'application/json', expected: pods, count: (body) => JSON.parse(body).items.length });
    const table = await timeLists({ http, path: collectionPath, n: lists, accept: kubectlTableAccept, expected: pods, count: (body) => JSON.parse(body).rows.length });
    http.agent.destroy();
    const benchmark = 'LIST 5,000 pods';
    return [
      { benchmark, name: `pod creates to fill the namespace, 16 clients`, value: pods / (load.elapsedMs / 1000), unit: '/s' },
      { benchmark, name: `LIST ${pods} pods as JSON, median`, value: json.p50, unit: 'ms', target: { atMost: 100 }, note: `${json.bytes} bytes` },
      { benchmark, name: `LIST ${pods} pods as JSON, p99 of ${lists}`, value: json.p99, unit: 'ms', target: { atMost: 100 } },
      { benchmark, name: `LIST ${pods} pods as Table (kubectl Accept), median`, value: table.p50, unit: 'ms', target: { atMost: 100 }, note: `${table.bytes} bytes` },
      { benchmark, name: `LIST ${pods} pods as Table, p99 of ${lists}`, value: table.p99, unit: 'ms', target: { atMost: 100 } },
    ];
  } finally {
    await server.stop();
    await server.cleanup();
  }
}

/** Sequential lists, timed from request to the last byte; two untimed warm-up lists first. */
async function timeLists(o: { http: Requester; path: string; n: number; accept: string; expected: number; count: (body: string) => number }) {
  const { http, path, n, accept } = o;
  const times: number[] = [];
  let bytes = 0;
  for (let i = -2; i < n; i++) {
    const started = performance.now();
    const r = await http('GET', path, { accept });
    const elapsed = performance.now() - started;
    if (r.status !== 200) throw new Error(`LIST (${accept.slice(0, 30)}): HTTP ${r.status} ${r.body.slice(0, 200)}`);
    if (i < 0) {
      const items = o.count(r.body);
      if (items !== o.expected) throw new Error(`LIST (${accept.slice(0, 30)}) returned ${items} items, not ${o.expected}`);
      continue;
    }
    times.push(elapsed);
    bytes = r.body.length;
  }
  return { ...summarize(times), bytes };
}

await runIfMain(import.meta.url, 'LIST of 5,000 pods', () => list5000Benchmark());
