/**
 * Every control-plane benchmark in sequence, then one table with each figure next to the
 * issue's target (PASS/MISS). `npm run bench`; about 3-4 minutes on a 2-core machine.
 * Pass benchmark names to run some only: `npm run bench -- list-5000 watch-fanout`.
 */
import { cpus, loadavg } from 'node:os';
import { coldStartBenchmark } from './cold-start.ts';
import { crashSafetyBenchmark } from './crash-safety.ts';
import { createThroughputBenchmark } from './create-throughput.ts';
import { printFigures, summaryTable, verdict, type Figure } from './harness/figures.ts';
import { list5000Benchmark } from './list-5000.ts';
import { readLatencyBenchmark } from './read-latency.ts';
import { watchFanoutBenchmark } from './watch-fanout.ts';
import { schedulerBenchmark } from './scheduler.ts';
import { deploymentBenchmark } from './deployment-1000.ts';
import { serverMemoryBenchmark } from './server-memory.ts';

const benchmarks: { name: string; title: string; run: () => Promise<Figure[]> }[] = [
  { name: 'cold-start', title: 'start-up', run: () => coldStartBenchmark() },
  { name: 'create-throughput', title: 'create throughput', run: () => createThroughputBenchmark() },
  { name: 'read-latency', title: 'GET latency', run: () => readLatencyBenchmark() },
  { name: 'list-5000', title: 'LIST 5,000 pods', run: () => list5000Benchmark() },
  { name: 'watch-fanout', title: 'watch fan-out', run: () => watchFanoutBenchmark() },
  { name: 'crash-safety', title: 'crash safety', run: () => crashSafetyBenchmark() },
  { name: 'scheduler', title: 'scheduling throughput', run: () => schedulerBenchmark() },
  { name: 'deployment-1000', title: 'Deployment of 1,000 replicas', run: () => deploymentBenchmark() },
  { name: 'server-memory', title: 'server memory with 100 nodes and 5,000 pods', run: () => serverMemoryBenchmark() },
];

async function main(selected: string[]): Promise<void> {
  const unknown = selected.filter((s) => !benchmarks.some((b) => b.name === s));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  const all: Figure[] = [];
  const started = performance.now();
  // Other work on the machine skews every figure here: say how busy it was before and after.
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const loadBefore = load();
  for (const b of benchmarks) {
    if (selected.length && !selected.includes(b.name)) continue;
    console.log(`# ${b.title}`);
    const t0 = performance.now();
    try {
      const figures = await b.run();
      printFigures(figures);
      all.push(...figures);
    } catch (err) {
      // One broken benchmark must not hide the others' figures: report it as a MISS and go on.
      console.log(`  failed: ${(err as Error).stack ?? err}`);
      all.push({ benchmark: b.title, name: `FAILED: ${String((err as Error).message ?? err).split('\n')[0].slice(0, 80)}`, value: Number.NaN, unit: '', target: { atLeast: 0 } });
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  console.log(`# summary (${new Date().toISOString().slice(0, 10)}, ${((performance.now() - started) / 1000).toFixed(0)} s, ${cpus().length} CPUs, load average ${loadBefore} before, ${load()} after)`);
  console.log(summaryTable(all));
  if (all.some((f) => verdict(f) === 'MISS')) console.log('\nSome figures miss their targets (benchmarks report, they do not fail the build).');
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`bench: ${(err as Error).message}`);
  process.exitCode = 2;
}
