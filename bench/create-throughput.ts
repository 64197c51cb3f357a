/**
 * Creates over HTTPS (1 KiB ConfigMaps, 16 keep-alive clients) next to raw libSQL
 * single-row-transaction INSERTs measured in the same run on the same disk (target: creates/s
 * >= 50% of the raw rate), and, when Debian's etcd is installed, etcd puts of 1 KiB values.
 *
 *   node --import tsx bench/create-throughput.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpsClient } from '../test/e2e/harness/https-client.ts';
import { startServer } from '../test/e2e/harness/server.ts';
import { rawLibsqlInsertRate } from './baseline-libsql.ts';
import { runCreateLoad } from './harness/create-load.ts';
import { etcdPutRate, findEtcd } from './harness/etcd-peer.ts';
import type { Figure } from './harness/figures.ts';
import { configMap, createNamespace } from './harness/objects.ts';
import { runIfMain } from './harness/run-if-main.ts';

export interface CreateThroughputOptions {
  concurrency?: number;
  durationMs?: number;
  baselineRows?: number;
  valueBytes?: number;
}

export async function createThroughputBenchmark(options: CreateThroughputOptions = {}): Promise<Figure[]> {
  const concurrency = options.concurrency ?? 16;
  const durationMs = options.durationMs ?? 6000;
  const valueBytes = options.valueBytes ?? 1024;
  const benchmark = 'create throughput';
  // The baseline runs first, alone on the machine, in the same tmpdir as the server's data dir.
  const dir = await mkdtemp(join(tmpdir(), 'skiff-bench-raw-'));
  let rawConcurrent: number;
  let rawSequential: number;
  try {
    rawSequential = await rawLibsqlInsertRate(dir, options.baselineRows ?? 10_000, { valueBytes });
    rawConcurrent = await rawLibsqlInsertRate(dir, options.baselineRows ?? 10_000, { valueBytes, concurrency });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const server = await startServer();
  let rate: number;
  let note: string;
  try {
    const http = await httpsClient(server);
    await createNamespace(http, 'bench-create');
    const collectionPath = '/api/v1/namespaces/bench-create/configmaps';
    // Warm-up: TLS sessions, JIT, the first pages of the database.
    await runCreateLoad({ request: http, collectionPath, concurrency, count: 300, objectFor: (i) => configMap(`warm-${i}`, valueBytes) });
    const load = await runCreateLoad({ request: http, collectionPath, concurrency, durationMs, objectFor: (i) => configMap(`cm-${i}`, valueBytes) });
    http.agent.destroy();
    rate = load.acknowledged.length / (load.elapsedMs / 1000);
    note = `${load.acknowledged.length} creates in ${(load.elapsedMs / 1000).toFixed(1)} s, ${load.rejected} rejected${load.firstRejection ? ` (${load.firstRejection})` : ''}`;
  } finally {
    await server.stop();
    await server.cleanup();
  }

  const figures: Figure[] = [
    { benchmark, name: `HTTPS creates, 1 KiB ConfigMaps, ${concurrency} clients`, value: rate, unit: '/s', note },
    { benchmark, name: `raw libSQL INSERT, ${concurrency} concurrent callers`, value: rawConcurrent, unit: '/s', note: 'baseline, same run, same disk' },
    { benchmark, name: 'raw libSQL INSERT, sequential', value: rawSequential, unit: '/s' },
    { benchmark, name: 'creates / raw libSQL rows', value: rate / rawConcurrent, unit: '', target: { atLeast: 0.5 } },
  ];
  const etcd = findEtcd();
  if (!etcd) {
    console.log('  etcd not installed (apt-get install etcd-server): skipping the etcd comparison');
    return figures;
  }
  try {
    const puts = await etcdPutRate({ binary: etcd, concurrency, durationMs: Math.min(durationMs, 5000), valueBytes });
    figures.push({ benchmark, name: `etcd put (JSON gateway), 1 KiB, ${concurrency} clients`, value: puts, unit: '/s', note: 'plain HTTP, fsync per commit' });
  } catch (err) {
    console.log(`  etcd comparison skipped: ${(err as Error).message.split('\n')[0]}`);
  }
  return figures;
}

await runIfMain(import.meta.url, 'create throughput', () => createThroughputBenchmark());
