/**
 * Watch fan-out: 1,000 watches on one collection, each over its own keep-alive HTTPS socket
 * (spread over a few agents), then 20 creates one after another. For every watcher and write,
 * the delay from the write's response arriving to the watcher's event arriving (target p99
 * <= 50 ms). Negative delays are possible: an event may overtake the write's own response.
 *
 *   node --import tsx bench/watch-fanout.ts
 */
import { Agent } from 'node:https';
import { httpsClient } from '../test/e2e/harness/https-client.ts';
import { adminCredentials, startServer } from '../test/e2e/harness/server.ts';
import type { Figure } from './harness/figures.ts';
import { createNamespace } from './harness/objects.ts';
import { runIfMain } from './harness/run-if-main.ts';
import { summarize } from './harness/stats.ts';
import { openWatch, type WatchStream } from './harness/watch-stream.ts';

export interface WatchFanoutOptions {
  watchers?: number;
  writes?: number;
  agents?: number;
  /** How long to wait for every watcher to see one write before counting the rest as missed. */
  eventTimeoutMs?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function watchFanoutBenchmark(options: WatchFanoutOptions = {}): Promise<Figure[]> {
  const watchers = options.watchers ?? 1000;
  const writes = options.writes ?? 20;
  const agentCount = options.agents ?? 4;
  const eventTimeoutMs = options.eventTimeoutMs ?? 5000;
  const server = await startServer();
  const agents: Agent[] = [];
  const streams: WatchStream[] = [];
  try {
    const http = await httpsClient(server);
    await createNamespace(http, 'bench-watch');
    const collectionPath = '/api/v1/namespaces/bench-watch/configmaps';
    const listed = await http('GET', collectionPath);
    const rv = listed.json().metadata.resourceVersion;

    const creds = await adminCredentials(server);
    for (let i = 0; i < agentCount; i++) {
      agents.push(new Agent({ keepAlive: true, maxSockets: Math.ceil(watchers / agentCount), ca: creds.ca, cert: creds.cert, key: creds.key }));
    }
    // arrivals.get(name)[watcher] = arrival time of that write's event at that watcher.
    const arrivals = new Map<string, Float64Array>();
    let seenForCurrent = 0;
    let current = '';
    const openStarted = performance.now();
    for (let w = 0; w < watchers; w += 50) {
      const batch: Promise<void>[] = [];
      for (let k = w; k < Math.min(w + 50, watchers); k++) {
        const stream = openWatch({
          port: server.port,
          agent: agents[k % agentCount],
          path: `${collectionPath}?watch=1&resourceVersion=${rv}`,
          namePattern: /"name":"(fanout-\d+)"/,
          onEvent: (name, at) => {
            const times = arrivals.get(name);
            if (!times || times[k] !== 0) return;
            times[k] = at;
            if (name === current) seenForCurrent++;
          },
        });
        streams.push(stream);
        batch.push(stream.opened);
      }
      await Promise.all(batch);
    }
    const openMs = performance.now() - openStarted;
    await pause(500);

    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < writes; i++) {
      current = `fanout-${i}`;
      seenForCurrent = 0;
      const times = new Float64Array(watchers);
      arrivals.set(current, times);
      const r = await http('POST', collectionPath, { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: current }, data: { k: 'v' } }) });
      const answeredAt = performance.now();
      if (r.status !== 201) throw new Error(`create ${current}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
      const deadline = answeredAt + eventTimeoutMs;
      while (seenForCurrent < watchers && performance.now() < deadline) await pause(2);
      for (const t of times) {
        if (t === 0) missed++;
        else delays.push(t - answeredAt);
      }
      await pause(100);
    }
    http.agent.destroy();
    const s = summarize(delays);
    const benchmark = 'watch fan-out';
    const context = `${watchers} watchers x ${writes} writes; opening all watches took ${Math.round(openMs)} ms`;
    return [
      { benchmark, name: `event delay after write response, p50`, value: s.p50, unit: 'ms', note: context },
      { benchmark, name: `event delay after write response, p99`, value: s.p99, unit: 'ms', target: { atMost: 50 } },
      { benchmark, name: `event delay after write response, max`, value: s.max, unit: 'ms' },
      { benchmark, name: `events missed (not within ${eventTimeoutMs / 1000} s)`, value: missed, unit: '', target: { atMost: 0 } },
    ];
  } finally {
    for (const s of streams) s.close();
    for (const a of agents) a.destroy();
    await server.stop();
    await server.cleanup();
  }
}

await runIfMain(import.meta.url, 'watch fan-out', () => watchFanoutBenchmark());
