/**
 * Start-up and idle memory of `skiff server --disable-agent`:
 * - cold: spawn on a fresh data dir (CA, certificates and database created) to the first 200
 *   from /readyz, 5 times;
 * - warm: the same on an existing data dir, 5 times;
 * - idle RSS: VmRSS of the last warm server after ~5 s without requests.
 *
 *   node --import tsx bench/cold-start.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/e2e/harness/server.ts';
import { ensureBundle } from './harness/bundle.ts';
import type { Figure } from './harness/figures.ts';
import { runIfMain } from './harness/run-if-main.ts';
import { millisecondsToReady, residentMemory, spawnSkiff } from './harness/skiff-process.ts';
import { summarize } from './harness/stats.ts';

export interface ColdStartOptions {
  repeats?: number;
  idleMs?: number;
}

export async function coldStartBenchmark(options: ColdStartOptions = {}): Promise<Figure[]> {
  const repeats = options.repeats ?? 5;
  const idleMs = options.idleMs ?? 5000;
  // Other work in the checkout can make the bundle stale between runs, and the bin then
  // compiles the sources through tsx (several times slower): rebuild before every spawn.
  const modes: string[] = [];
  const spawnFresh = async (dataDir: string) => {
    modes.push(ensureBundle(() => {}));
    return spawnSkiff({ dataDir, port: await freePort() });
  };
  const dirs: string[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let rss = { totalMiB: Number.NaN, anonMiB: Number.NaN, fileMiB: Number.NaN };
  try {
    for (let i = 0; i < repeats; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'skiff-bench-start-'));
      dirs.push(dataDir);
      const server = await spawnFresh(dataDir);
      try {
        cold.push(await millisecondsToReady(server));
      } finally {
        await server.stop();
      }
    }
    for (let i = 0; i < repeats; i++) {
      const server = await spawnFresh(dirs[i]);
      try {
        warm.push(await millisecondsToReady(server));
        if (i === repeats - 1) {
          await new Promise((r) => setTimeout(r, idleMs));
          rss = residentMemory(server.child.pid!);
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
  const c = summarize(cold);
  const w = summarize(warm);
  const benchmark = 'start-up';
  const fresh = modes.filter((m) => m === 'fresh').length;
  const runs = (xs: number[]) => `runs ${xs.map((x) => Math.round(x)).join(', ')} ms; bundle fresh for ${fresh}/${modes.length} spawns`;
  return [
    { benchmark, name: 'cold start to /readyz, median', value: c.p50, unit: 'ms', target: { atMost: 1000 }, note: runs(cold) },
    { benchmark, name: 'cold start to /readyz, max', value: c.max, unit: 'ms', target: { atMost: 1000 } },
    { benchmark, name: 'warm start to /readyz, median', value: w.p50, unit: 'ms', note: runs(warm) },
    { benchmark, name: 'warm start to /readyz, max', value: w.max, unit: 'ms' },
    { benchmark, name: `idle RSS after ${Math.round(idleMs / 1000)} s (VmRSS)`, value: rss.totalMiB, unit: 'MiB', target: { atMost: 80 }, note: `anonymous ${rss.anonMiB.toFixed(1)} MiB, file-backed ${rss.fileMiB.toFixed(1)} MiB` },
  ];
}

await runIfMain(import.meta.url, 'start-up and idle memory', () => coldStartBenchmark());
