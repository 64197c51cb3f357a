import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRevisionLogContract } from '../contract.ts';
import { CompactedError } from '../types.ts';
import { LibsqlRevisionLog } from './libsql-revision-log.ts';

const root = mkdtempSync(join(tmpdir(), 'skiff-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let databases = 0;

/** A fresh database file in a folder that does not exist yet (the store creates it). */
function freshUrl(): string {
  return `file:${join(root, `db${++databases}`, 'server', 'db', 'state.db')}`;
}

// Subscriber errors are swallowed here: the contract's throwing-subscriber case expects them.
describeRevisionLogContract('LibsqlRevisionLog', () => new LibsqlRevisionLog({ url: freshUrl(), onListenerError: () => {} }));

// Small compaction batches so that the contract's compaction cases cross batch boundaries.
describeRevisionLogContract('LibsqlRevisionLog with 2-write compaction batches', () => new LibsqlRevisionLog({ url: freshUrl(), compactBatchSize: 2, onListenerError: () => {} }));

describe('LibsqlRevisionLog across restarts', () => {
  async function reopen(url: string, options: { compactBatchSize?: number } = {}): Promise<LibsqlRevisionLog> {
    const log = new LibsqlRevisionLog({ url, ...options });
    await log.start();
    return log;
  }

  it('keeps data, create revisions and the revision counter after a reopen', async () => {
    const url = freshUrl();
    const first = await reopen(url);
    await first.create('/a', 'a1');
    await first.create('/b', 'b1');
    await first.update('/a', 'a2', 1);
    await first.delete('/b');
    await first.close();

    const second = await reopen(url);
    expect(second.currentRevision()).toBe(4);
    expect(await second.list('')).toEqual({ items: [{ key: '/a', value: 'a2', modRevision: 3, createRevision: 1 }], revision: 4 });
    // The rebuilt index knows the live revision (a stale one conflicts) and that /b is gone.
    await expect(second.update('/a', 'x', 1)).rejects.toMatchObject({ name: 'RevisionConflictError' });
    expect(await second.update('/a', 'a3', 3)).toEqual({ key: '/a', value: 'a3', modRevision: 5, createRevision: 1 });
    expect(await second.create('/b', 'b2')).toMatchObject({ modRevision: 6, createRevision: 6 });
    await second.close();
  });

  it('never reuses a revision, even when compaction deleted the newest rows', async () => {
    const url = freshUrl();
    const first = await reopen(url);
    await first.create('/a', '1'); // 1
    await first.create('/b', '1'); // 2
    await first.delete('/b'); // 3: the newest row, a tombstone
    await first.compact(3); // deletes rows 2 and 3
    await first.close();

    const second = await reopen(url);
    expect(second.currentRevision()).toBe(3);
    expect((await second.create('/c', '1')).modRevision).toBe(4);
    await second.close();
  });

  it('remembers the compacted revision, so history below it still throws CompactedError', async () => {
    const url = freshUrl();
    const first = await reopen(url);
    for (let i = 0; i < 5; i++) await first.create(`/k${i}`, 'v');
    await first.compact(4);
    await first.close();

    const second = await reopen(url);
    expect(second.compactedRevision()).toBe(4);
    await expect(second.history('', 3)).rejects.toBeInstanceOf(CompactedError);
    expect((await second.history('', 4)).map((e) => e.revision)).toEqual([5]);
    await second.close();
  });

  it('compacts thousands of writes in bounded batches and keeps the newest version of every live key', async () => {
    const url = freshUrl();
    const log = await reopen(url, { compactBatchSize: 1000 });
    const keys = 300;
    const revisions = new Map<string, number>();
    for (let i = 0; i < keys; i++) revisions.set(`/k/${i}`, (await log.create(`/k/${i}`, 'v0')).modRevision);
    for (let round = 1; round <= 10; round++) {
      await Promise.all(
        [...revisions].map(async ([key, revision]) => revisions.set(key, (await log.update(key, `v${round}`, revision)).modRevision)),
      );
    }
    for (let i = 0; i < keys; i += 3) await log.delete(`/k/${i}`);
    const current = log.currentRevision();
    await log.compact(current);
    expect(log.compactedRevision()).toBe(current);
    const listed = await log.list('/k/');
    expect(listed.items).toHaveLength(keys - 100);
    for (const kv of listed.items) expect(kv).toMatchObject({ value: 'v10', modRevision: revisions.get(kv.key) });
    await log.close();

    // Only the newest row of each live key is left: superseded rows and tombstones are gone.
    const db = createClient({ url });
    expect((await db.execute('SELECT COUNT(*) AS n FROM kv')).rows[0].n).toBe(keys - 100);
    db.close();

    const reopened = await reopen(url);
    expect((await reopened.list('/k/')).items).toEqual(listed.items);
    await reopened.close();
  });

  it('lets writes through between compaction batches', async () => {
    const log = await reopen(freshUrl(), { compactBatchSize: 10 });
    for (let i = 0; i < 100; i++) await log.create(`/k/${i}`, 'v');
    const compaction = log.compact(100);
    const write = log.create('/during', 'v');
    let compactedWhenWriteLanded = -1;
    void write.then(() => (compactedWhenWriteLanded = log.compactedRevision()));
    await Promise.all([compaction, write]);
    expect(compactedWhenWriteLanded).toBeLessThan(100);
    expect(log.compactedRevision()).toBe(100);
    await log.close();
  });
});
