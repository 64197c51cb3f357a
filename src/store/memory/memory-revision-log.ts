import { requireLive } from '../preconditions.ts';
import { Subscribers } from '../subscribers.ts';
import {
  CompactedError,
  KeyExistsError,
  type KeyValue,
  type ListResult,
  type RevisionLog,
  type StoreEvent,
} from '../types.ts';

/** One write, shaped as the libSQL implementation's row (kine's schema) so both compact alike. */
interface Row {
  revision: number;
  key: string;
  created: boolean;
  deleted: boolean;
  createRevision: number;
  /** Revision of the row this write superseded (0 for a create). */
  prevRevision: number;
  value: string;
}

export interface MemoryRevisionLogOptions {
  /** Where errors thrown by subscribers go (default: console.error). */
  onListenerError?: (error: unknown) => void;
}

/**
 * The revision log held in memory, for unit tests of the code above the store. It keeps the
 * same history rows as LibsqlRevisionLog and passes the same contract suite (contract.ts).
 *
 * @example
 * const log = new MemoryRevisionLog();
 * await log.start();
 * const kv = await log.create('/registry/pods/default/a', '{}'); // kv.modRevision === 1
 */
export class MemoryRevisionLog implements RevisionLog {
  /** Every retained write, in revision order. */
  private rows: Row[] = [];
  private readonly byRevision = new Map<number, Row>();
  /** The newest row of every live key. */
  private readonly live = new Map<string, Row>();
  private readonly subscribers: Subscribers;
  private revision = 0;
  private compacted = 0;

  constructor(options: MemoryRevisionLogOptions = {}) {
    this.subscribers = new Subscribers(options.onListenerError);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  currentRevision(): number {
    return this.revision;
  }

  compactedRevision(): number {
    return this.compacted;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const row = this.live.get(key);
    return row && toKeyValue(row);
  }

  async list(prefix: string): Promise<ListResult> {
    const items = [...this.live.values()]
      .filter((row) => row.key.startsWith(prefix))
      .map(toKeyValue)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { items, revision: this.revision };
  }

  async create(key: string, value: string): Promise<KeyValue> {
    if (this.live.has(key)) throw new KeyExistsError(key);
    const row = this.append({ key, created: true, deleted: false, createRevision: 0, prevRevision: 0, value });
    return toKeyValue(row);
  }

  async update(key: string, value: string, expectedRevision: number): Promise<KeyValue> {
    const current = this.liveAt(key, expectedRevision);
    const row = this.append({
      key,
      created: false,
      deleted: false,
      createRevision: current.createRevision,
      prevRevision: current.revision,
      value,
    });
    return toKeyValue(row);
  }

  async delete(key: string, expectedRevision?: number): Promise<KeyValue> {
    const current = this.liveAt(key, expectedRevision);
    const row = this.append({
      key,
      created: false,
      deleted: true,
      createRevision: current.createRevision,
      prevRevision: current.revision,
      value: current.value,
    });
    return toKeyValue(row);
  }

  async history(prefix: string, afterRevision: number): Promise<StoreEvent[]> {
    if (afterRevision < this.compacted) throw new CompactedError(afterRevision, this.compacted);
    const first = firstIndexAfter(this.rows, afterRevision);
    const events: StoreEvent[] = [];
    for (let i = first; i < this.rows.length; i++) {
      const row = this.rows[i];
      if (row.key.startsWith(prefix)) events.push(this.toEvent(row));
    }
    return events;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.subscribers.add(listener);
  }

  /** Same rule as the libSQL store (and kine): drop rows superseded at or below revision, and tombstones. */
  async compact(revision: number): Promise<void> {
    const target = Math.min(revision, this.revision);
    if (target <= this.compacted) return;
    const doomed = new Set<number>();
    for (const row of this.rows) {
      if (row.revision > target) break;
      if (row.prevRevision > 0) doomed.add(row.prevRevision);
      if (row.deleted) doomed.add(row.revision);
    }
    this.rows = this.rows.filter((row) => !doomed.has(row.revision));
    for (const revision of doomed) this.byRevision.delete(revision);
    this.compacted = target;
  }

  /** The live row of key, checked against the caller's precondition. */
  private liveAt(key: string, expectedRevision: number | undefined): Row {
    return requireLive(this.live, key, expectedRevision);
  }

  private append(fields: Omit<Row, 'revision'>): Row {
    const row: Row = { ...fields, revision: ++this.revision };
    if (row.created) row.createRevision = row.revision;
    this.rows.push(row);
    this.byRevision.set(row.revision, row);
    if (row.deleted) this.live.delete(row.key);
    else this.live.set(row.key, row);
    this.subscribers.emit(this.toEvent(row));
    return row;
  }

  private toEvent(row: Row): StoreEvent {
    const kv = toKeyValue(row);
    if (row.created) return { type: 'create', kv, revision: row.revision };
    const prevRow = this.byRevision.get(row.prevRevision);
    const prev = prevRow && toKeyValue(prevRow);
    return { type: row.deleted ? 'delete' : 'update', kv, prev, revision: row.revision };
  }
}

function toKeyValue(row: Row): KeyValue {
  return { key: row.key, value: row.value, modRevision: row.revision, createRevision: row.createRevision };
}

/** Binary search: index of the first row with revision > afterRevision. */
function firstIndexAfter(rows: Row[], afterRevision: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].revision <= afterRevision) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
