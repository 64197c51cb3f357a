/**
 * How much the revision log adds over a raw libSQL INSERT, measured in one run on one disk:
 *
 *   npx tsx bench/store.ts [--rows 20000] [--concurrency 16] [--rounds 3]
 *
 * Prints rows/s of raw single-row-transaction INSERTs (sequential and concurrent) next to
 * LibsqlRevisionLog.create of 1 KiB values from concurrent callers, and their ratio. The
 * three measurements alternate for several rounds and the median of each is reported, so a
 * burst of other load on the machine does not land on one side only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LibsqlRevisionLog } from '../src/store/libsql/libsql-revision-log.ts';
import { rawLibsqlInsertRate } from './baseline-libsql.ts';

const valueBytes = 1024;

async function storeCreateRate(dir: string, n: number, concurrency: number): Promise<number> {
  const log = new LibsqlRevisionLog({ url: `file:${join(dir, 'store', 'state.db')}` });
  await log.start();
  const value = 'x'.repeat(valueBytes);
  let next = 0;
  const caller = async () => {
    for (let i = next++; i < n; i = next++) await log.create(`/registry/configmaps/bench/cm-${i}`, value);
  };
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, caller));
    return n / ((performance.now() - started) / 1000);
  } finally {
    await log.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const rows = Number(values.rows);
  const concurrency = Number(values.concurrency);
  const rounds = Math.max(1, Number(values.rounds));
  const dir = mkdtempSync(join(tmpdir(), 'skiff-bench-store-'));
  const samples = { rawSequential: [] as number[], rawConcurrent: [] as number[], store: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      const roundDir = join(dir, `round-${round}`);
      samples.rawSequential.push(await rawLibsqlInsertRate(roundDir, rows, { valueBytes }));
      samples.rawConcurrent.push(await rawLibsqlInsertRate(roundDir, rows, { valueBytes, concurrency }));
      samples.store.push(await storeCreateRate(roundDir, rows, concurrency));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rawSequential = median(samples.rawSequential);
  const rawConcurrent = median(samples.rawConcurrent);
  const store = median(samples.store);
  const line = (name: string, rate: number) => `${name.padEnd(48)} ${Math.round(rate).toString().padStart(8)} rows/s`;
  console.log(`${rows} rows of ${valueBytes} B, WAL + synchronous=NORMAL, median of ${rounds} rounds`);
  console.log(line('raw libSQL INSERT, sequential', rawSequential));
  console.log(line(`raw libSQL INSERT, ${concurrency} concurrent callers`, rawConcurrent));
  console.log(line(`LibsqlRevisionLog.create, ${concurrency} concurrent callers`, store));
  console.log(`store / raw (${concurrency} concurrent): ${(store / rawConcurrent).toFixed(2)}`);
  console.log(`store / raw (sequential):      ${(store / rawSequential).toFixed(2)}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

await main();
