/**
 * How much the revision log adds over a raw libSQL INSERT, measured in one run on one disk:
 *
 *   npx tsx bench/store.ts [--rows 20000] [--concurrency 16]
 *
 * Prints rows/s of raw single-row-transaction INSERTs (sequential and concurrent) next to
 * LibsqlRevisionLog.create of 1 KiB values from concurrent callers, and their ratio.
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
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '16' } } });
  const rows = Number(values.rows);
  const concurrency = Number(values.concurrency);
  const dir = mkdtempSync(join(tmpdir(), 'skiff-bench-store-'));
  try {
    const rawSequential = await rawLibsqlInsertRate(dir, rows, { valueBytes });
    const rawConcurrent = await rawLibsqlInsertRate(dir, rows, { valueBytes, concurrency });
    const store = await storeCreateRate(dir, rows, concurrency);
    const line = (name: string, rate: number) => `${name.padEnd(48)} ${Math.round(rate).toString().padStart(8)} rows/s`;
    console.log(`${rows} rows of ${valueBytes} B, WAL + synchronous=NORMAL, in ${dir}`);
    console.log(line('raw libSQL INSERT, sequential', rawSequential));
    console.log(line(`raw libSQL INSERT, ${concurrency} concurrent callers`, rawConcurrent));
    console.log(line(`LibsqlRevisionLog.create, ${concurrency} concurrent callers`, store));
    console.log(`store / raw (${concurrency} concurrent): ${(store / rawConcurrent).toFixed(2)}`);
    console.log(`store / raw (sequential):      ${(store / rawSequential).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
