import { requireLive } from '../preconditions.ts';
import type { Client, InArgs } from '@libsql/client';
import { Subscribers } from '../subscribers.ts';
import {
  CompactedError,
  KeyExistsError,
  type KeyValue,
  type ListResult,
  type RevisionLog,
  type StoreEvent,
} from '../types.ts';
import { connect } from './connect.ts';
import { prefixRange } from './prefix-range.ts';
import { eventOf, int, keyValueOf, text } from './rows.ts';
import { SerialQueue } from './serial-queue.ts';
import * as sql from './statements.ts';

export interface LibsqlRevisionLogOptions {
  /** `file:PATH` (WAL, created if missing), or a libSQL server: `libsql:`, `http(s):`, `ws(s):`. */
  url: string;
  /** Token for a libSQL server. */
  authToken?: string;
  /** Writes examined per compaction transaction (default 1000), bounding how long a batch delays writes. */
  compactBatchSize?: number;
  /** How long a local write waits for a lock held by another connection (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Where errors thrown by subscribers go (default: console.error). */
  onListenerError?: (error: unknown) => void;
}

/** What the writer needs to know about a live key without reading it. */
interface LiveEntry {
  revision: number;
  createRevision: number;
}

/**
 * The revision log over libSQL: kine's design with a single in-process writer. Each write is
 * one INSERT (one transaction) whose AUTOINCREMENT id is the revision. The writer keeps the
 * newest revision of every live key in memory (rebuilt at start), so create/update/delete
 * check their preconditions without a read; update and delete read only the previous value.
 *
 * @example
 * const log = new LibsqlRevisionLog({ url: 'file:/var/lib/skiff/server/db/state.db' });
 * await log.start();
 * const kv = await log.create('/registry/namespaces/default', '{"kind":"Namespace"}');
 * await log.update(kv.key, '{"kind":"Namespace","metadata":{}}', kv.modRevision);
 * await log.close();
 */
export class LibsqlRevisionLog implements RevisionLog {
  private client?: Client;
  private readonly writer = new SerialQueue();
  private readonly subscribers: Subscribers;
  private readonly live = new Map<string, LiveEntry>();
  private revision = 0;
  private compacted = 0;
  /** The highest revision a compaction batch may have touched (>= compacted while one runs). */
  private compactionHorizon = 0;
  private compaction: Promise<void> = Promise.resolve();

  constructor(private readonly options: LibsqlRevisionLogOptions) {
    this.subscribers = new Subscribers(options.onListenerError);
  }

  async start(): Promise<void> {
    const client = await connect({ url: this.options.url, authToken: this.options.authToken, busyTimeoutMs: this.options.busyTimeoutMs ?? 5000 });
    try {
      for (const statement of sql.schemaStatements) await client.execute(statement);
      const [latest, compacted, index] = await client.batch(
        [sql.selectLatestRevision, sql.selectCompactedRevision, sql.selectLiveIndex],
        'read',
      );
      this.revision = latest.rows.length ? int(latest.rows[0], 'seq') : 0;
      this.compacted = this.compactionHorizon = compacted.rows.length ? int(compacted.rows[0], 'value') : 0;
      this.live.clear();
      for (const row of index.rows) {
        const revision = int(row, 'id');
        this.live.set(text(row, 'name'), {
          revision,
          createRevision: int(row, 'created') ? revision : int(row, 'create_revision'),
        });
      }
    } catch (error) {
      client.close();
      throw error;
    }
    this.client = client;
  }

  async close(): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.compaction;
    await this.writer.idle();
    this.client = undefined;
    client.close();
  }

  currentRevision(): number {
    return this.revision;
  }

  compactedRevision(): number {
    return this.compacted;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const rs = await this.db().execute(sql.selectLatestByName, [key]);
    const row = rs.rows[0];
    return row && !int(row, 'deleted') ? keyValueOf(row) : undefined;
  }

  async list(prefix: string): Promise<ListResult> {
    const { from, to } = prefixRange(prefix);
    for (;;) {
      const revision = this.revision;
      const args: InArgs = to === undefined ? [from, revision] : [from, to, revision];
      const rs = await this.db().execute(sql.selectListRange(to !== undefined), args);
      // A compaction past `revision` may have removed rows this snapshot needed: read again
      // at a newer revision (compaction never goes past the newest write).
      if (this.compactionHorizon > revision) continue;
      const items = rs.rows.map(keyValueOf).filter((kv) => kv.key.startsWith(prefix));
      return { items, revision };
    }
  }

  create(key: string, value: string): Promise<KeyValue> {
    return this.writer.run(async () => {
      if (this.live.has(key)) throw new KeyExistsError(key);
      const revision = await this.insert([key, 1, 0, 0, 0, value]);
      const kv: KeyValue = { key, value, modRevision: revision, createRevision: revision };
      this.live.set(key, { revision, createRevision: revision });
      this.committed({ type: 'create', kv, revision });
      return kv;
    });
  }

  update(key: string, value: string, expectedRevision: number): Promise<KeyValue> {
    return this.writer.run(async () => {
      const current = this.liveAt(key, expectedRevision);
      const prev = await this.currentValue(key, current);
      const revision = await this.insert([key, 0, 0, current.createRevision, current.revision, value]);
      const kv: KeyValue = { key, value, modRevision: revision, createRevision: current.createRevision };
      this.live.set(key, { revision, createRevision: current.createRevision });
      this.committed({ type: 'update', kv, prev, revision });
      return kv;
    });
  }

  delete(key: string, expectedRevision?: number): Promise<KeyValue> {
    return this.writer.run(async () => {
      const current = this.liveAt(key, expectedRevision);
      const prev = await this.currentValue(key, current);
      // The tombstone keeps the deleted value, as kine's: history replays it in the delete event.
      const revision = await this.insert([key, 0, 1, current.createRevision, current.revision, prev.value]);
      const kv: KeyValue = { ...prev, modRevision: revision };
      this.live.delete(key);
      this.committed({ type: 'delete', kv, prev, revision });
      return kv;
    });
  }

  async history(prefix: string, afterRevision: number): Promise<StoreEvent[]> {
    if (afterRevision < this.compacted) throw new CompactedError(afterRevision, this.compacted);
    const { from, to } = prefixRange(prefix);
    const upTo = this.revision;
    const args: InArgs = to === undefined ? [afterRevision, upTo, from] : [afterRevision, upTo, from, to];
    const rs = await this.db().execute(sql.selectHistoryRange(to !== undefined), args);
    // A compaction batch that ran meanwhile may have removed rows this read needed (as etcd,
    // a watch racing a compaction gets ErrCompacted rather than a history with holes).
    const horizon = this.compactionHorizon;
    if (afterRevision < horizon) throw new CompactedError(afterRevision, horizon);
    return rs.rows.map(eventOf).filter((event) => event.kv.key.startsWith(prefix));
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.subscribers.add(listener);
  }

  compact(revision: number): Promise<void> {
    const run = this.compaction.then(() => this.compactTo(revision));
    this.compaction = run.catch(() => undefined);
    return run;
  }

  /**
   * Compacts in transactions of at most compactBatchSize writes, each queued behind the writes
   * already waiting, so a large compaction delays a write by one batch at most (kine compacts
   * in bounded batches for the same reason). The compacted revision is stored in the same
   * transaction as each batch, so a restart resumes where the last committed batch ended.
   */
  private async compactTo(revision: number): Promise<void> {
    const target = Math.min(revision, this.revision);
    const batchSize = Math.max(1, this.options.compactBatchSize ?? 1000);
    while (this.compacted < target) {
      const lo = this.compacted;
      const hi = Math.min(lo + batchSize, target);
      await this.writer.run(async () => {
        this.compactionHorizon = Math.max(this.compactionHorizon, hi);
        await this.db().batch(
          [
            { sql: sql.compactSupersededRows, args: [lo, hi] },
            { sql: sql.compactTombstones, args: [lo, hi] },
            { sql: sql.upsertCompactedRevision, args: [hi] },
          ],
          'write',
        );
        this.compacted = hi;
      });
    }
  }

  /** The live entry of key, checked against the caller's precondition. */
  private liveAt(key: string, expectedRevision: number | undefined): LiveEntry {
    return requireLive(this.live, key, expectedRevision);
  }

  /** The value of a live key: its newest row, which compaction never deletes. */
  private async currentValue(key: string, current: LiveEntry): Promise<KeyValue> {
    const rs = await this.db().execute(sql.selectValueByRevision, [current.revision]);
    if (!rs.rows.length) throw new Error(`store: row ${current.revision} of live key ${key} is missing`);
    return { key, value: text(rs.rows[0], 'value'), modRevision: current.revision, createRevision: current.createRevision };
  }

  /** One autocommit INSERT: the write's single transaction. Returns its revision. */
  private async insert(args: [string, number, number, number, number, string]): Promise<number> {
    const rs = await this.db().execute(sql.insertRow, args);
    if (rs.lastInsertRowid === undefined) throw new Error('store: the insert returned no revision');
    return Number(rs.lastInsertRowid);
  }

  private committed(event: StoreEvent): void {
    this.revision = event.revision;
    this.subscribers.emit(event);
  }

  private db(): Client {
    if (!this.client) throw new Error('store: the revision log is not started (or already closed)');
    return this.client;
  }
}
