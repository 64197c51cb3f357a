/**
 * GET latency under an open-loop load of 500 requests/s for ~10 s (target p99 <= 5 ms),
 * measured from each request's scheduled send time, over keep-alive HTTPS.
 *
 *   node --import tsx bench/read-latency.ts
 */
import { httpsClient } from '../test/e2e/harness/https-client.ts';
import { startServer } from '../test/e2e/harness/server.ts';
import { runCreateLoad } from './harness/create-load.ts';
import type { Figure } from './harness/figures.ts';
import { configMap, createNamespace } from './harness/objects.ts';
import { runOpenLoop } from './harness/open-loop.ts';
import { runIfMain } from './harness/run-if-main.ts';
import { summarize } from './harness/stats.ts';

export interface ReadLatencyOptions {
  ratePerSecond?: number;
  durationMs?: number;
  /** Distinct ConfigMaps the GETs cycle through. */
  objects?: number;
}

export async function readLatencyBenchmark(options: ReadLatencyOptions = {}): Promise<Figure[]> {
  const rate = options.ratePerSecond ?? 500;
  const durationMs = options.durationMs ?? 10_000;
  const objects = options.objects ?? 100;
  const server = await startServer();
  try {
    const http = await httpsClient(server);
    await createNamespace(http, 'bench-read');
    const collectionPath = '/api/v1/namespaces/bench-read/configmaps';
    await runCreateLoad({ request: http, collectionPath, concurrency: 8, count: objects, objectFor: (i) => configMap(`cm-${i}`) });
    const send = async (i: number) => {
      const r = await http('GET', `${collectionPath}/cm-${i % objects}`);
      if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.body.slice(0, 200)}`);
    };
    // One second at the same rate first, not counted: sockets, TLS sessions and JIT warm up.
    await runOpenLoop({ ratePerSecond: rate, durationMs: 1000, send });
    const run = await runOpenLoop({ ratePerSecond: rate, durationMs, send });
    http.agent.destroy();
    const s = summarize(run.latencies);
    const jitter = summarize(run.lateness);
    const benchmark = 'GET latency';
    const context = `${s.count} GETs at ${rate}/s over ${durationMs / 1000} s, ${run.failures} failed${run.firstFailure ? ` (${run.firstFailure})` : ''}`;
    return [
      { benchmark, name: `GET p50 at ${rate}/s (open loop)`, value: s.p50, unit: 'ms', note: context },
      { benchmark, name: `GET p99 at ${rate}/s (open loop)`, value: s.p99, unit: 'ms', target: { atMost: 5 } },
      { benchmark, name: `GET max at ${rate}/s (open loop)`, value: s.max, unit: 'ms' },
      { benchmark, name: 'load generator send lateness p99', value: jitter.p99, unit: 'ms', note: 'client timer jitter, included above' },
    ];
  } finally {
    await server.stop();
    await server.cleanup();
  }
}

await runIfMain(import.meta.url, 'GET latency (open loop)', () => readLatencyBenchmark());
