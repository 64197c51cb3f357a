import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';

export interface RawInsertOptions {
  /** Callers inserting at the same time (default 1: one after another). */
  concurrency?: number;
  /** Bytes per value (default 1024). */
  valueBytes?: number;
}

/**
 * The ceiling Skiff's writes are measured against: rows/s of raw `@libsql/client` single-row
 * transactions (one autocommit INSERT each) into a fresh file database under dir, with the
 * settings the store uses (WAL, synchronous=NORMAL). The table has no secondary index, so
 * the store's own costs (its name index, preconditions, events) show up in the ratio.
 *
 * @example
 * const rowsPerSecond = await rawLibsqlInsertRate('/tmp/bench', 20_000, { concurrency: 16 });
 */
export async function rawLibsqlInsertRate(dir: string, n: number, options: RawInsertOptions = {}): Promise<number> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const value = 'x'.repeat(options.valueBytes ?? 1024);
  const folder = join(dir, `raw-${concurrency}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const client = createClient({ url: `file:${join(folder, 'raw.db')}`, concurrency: 1 });
  try {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA synchronous=NORMAL');
    await client.execute('CREATE TABLE rows (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, value TEXT NOT NULL)');
    let next = 0;
    const caller = async () => {
      for (let i = next++; i < n; i = next++) {
        await client.execute({ sql: 'INSERT INTO rows (name, value) VALUES (?, ?)', args: [`/bench/${i}`, value] });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, caller));
    return n / ((performance.now() - started) / 1000);
  } finally {
    client.close();
  }
}
