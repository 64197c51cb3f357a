import type { KubeObject } from '../meta/object.ts';
import type { RevisionLog, StoreEvent } from '../../store/types.ts';

/** One object as the cache holds it: parsed (never mutated) and serialised with its resourceVersion. */
export interface CachedObject {
  key: string;
  obj: KubeObject;
  json: string;
  revision: number;
}

export type CacheEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CacheEvent {
  type: CacheEventType;
  key: string;
  revision: number;
  object: CachedObject;
  /** The object before this event (MODIFIED and DELETED): selector transitions need it. */
  prev?: CachedObject;
}

export type CacheListener = (event: CacheEvent) => void;

/**
 * The API server's read path (as kube-apiserver's watch cache): every live object in memory,
 * fed by the store's subscription, plus a window of recent events so that watches can resume
 * from a recent resourceVersion without touching the store.
 *
 * Writes are visible here before the write's HTTP response is sent, because the store calls
 * subscribers synchronously after commit: a client that reads after its own write sees it.
 */
export class WatchCache {
  private readonly objects = new Map<string, CachedObject>();
  /** Keys per storage prefix (`/registry/pods/`), so a list touches one resource only. */
  private readonly byPrefix = new Map<string, Set<string>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly window: CacheEvent[] = [];
  private readonly listeners = new Map<string, Set<CacheListener>>();
  private revision = 0;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: RevisionLog,
    private readonly options: { windowSize?: number } = {},
  ) {}

  async start(): Promise<void> {
    const pending: StoreEvent[] = [];
    let loading = true;
    this.unsubscribe = this.store.subscribe((e) => (loading ? pending.push(e) : this.apply(e)));
    const all = await this.store.list('/registry/');
    for (const kv of all.items) this.put(kv.key, kv.value, kv.modRevision);
    this.revision = all.revision;
    loading = false;
    for (const e of pending) if (e.revision > all.revision) this.apply(e);
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** The newest revision the cache reflects. */
  get currentRevision(): number {
    return this.revision;
  }

  /** The oldest revision from which a watch can resume from memory. */
  get oldestWindowRevision(): number {
    return this.window.length ? this.window[0].revision - 1 : this.revision;
  }

  get(key: string): CachedObject | undefined {
    return this.objects.get(key);
  }

  /** Objects under prefix, ordered by key (as etcd ranges return them). */
  list(resourcePrefix: string, subPrefix = resourcePrefix): CachedObject[] {
    let keys = this.sortedKeys.get(resourcePrefix);
    if (!keys) {
      keys = [...(this.byPrefix.get(resourcePrefix) ?? [])].sort();
      this.sortedKeys.set(resourcePrefix, keys);
    }
    const out: CachedObject[] = [];
    let i = subPrefix === resourcePrefix ? 0 : lowerBound(keys, subPrefix);
    for (; i < keys.length; i++) {
      const k = keys[i];
      if (!k.startsWith(subPrefix)) break;
      out.push(this.objects.get(k)!);
    }
    return out;
  }

  /** Events after `afterRevision` for one resource prefix, or undefined if the window no longer reaches back that far. */
  eventsSince(resourcePrefix: string, afterRevision: number): CacheEvent[] | undefined {
    if (afterRevision < this.oldestWindowRevision) return undefined;
    const start = lowerBoundRevision(this.window, afterRevision + 1);
    return this.window.slice(start).filter((e) => e.key.startsWith(resourcePrefix));
  }

  /** Live events of one resource prefix. */
  subscribe(resourcePrefix: string, listener: CacheListener): () => void {
    let set = this.listeners.get(resourcePrefix);
    if (!set) this.listeners.set(resourcePrefix, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }

  private apply(e: StoreEvent): void {
    const prev = this.objects.get(e.kv.key);
    let event: CacheEvent;
    if (e.type === 'delete') {
      if (!prev) {
        this.revision = e.revision;
        return;
      }
      this.remove(e.kv.key);
      const gone = withRevision(prev.obj, e.revision, e.kv.key);
      event = { type: 'DELETED', key: e.kv.key, revision: e.revision, object: gone, prev };
    } else {
      const object = this.put(e.kv.key, e.kv.value, e.revision);
      event = { type: e.type === 'create' ? 'ADDED' : 'MODIFIED', key: e.kv.key, revision: e.revision, object, prev };
    }
    this.revision = e.revision;
    this.window.push(event);
    const max = this.options.windowSize ?? 10_000;
    // Trim in slices of a tenth, not one event per write: shifting 10,000 entries on every
    // write once the window is full would put an O(window) copy on the write path.
    if (this.window.length > max + Math.ceil(max / 10)) this.window.splice(0, this.window.length - max);
    const prefix = resourcePrefixOf(e.kv.key);
    for (const l of this.listeners.get(prefix) ?? []) l(event);
  }

  private put(key: string, value: string, revision: number): CachedObject {
    const obj = JSON.parse(value) as KubeObject;
    obj.metadata = obj.metadata ?? {};
    obj.metadata.resourceVersion = String(revision);
    const cached: CachedObject = { key, obj, json: JSON.stringify(obj), revision };
    const prefix = resourcePrefixOf(key);
    if (!this.objects.has(key)) {
      let set = this.byPrefix.get(prefix);
      if (!set) this.byPrefix.set(prefix, (set = new Set()));
      set.add(key);
      this.sortedKeys.delete(prefix);
    }
    this.objects.set(key, cached);
    return cached;
  }

  private remove(key: string): void {
    this.objects.delete(key);
    const prefix = resourcePrefixOf(key);
    this.byPrefix.get(prefix)?.delete(key);
    this.sortedKeys.delete(prefix);
  }
}

/** `/registry/pods/default/x` -> `/registry/pods/`. */
export function resourcePrefixOf(key: string): string {
  const second = key.indexOf('/', '/registry/'.length);
  return key.slice(0, second + 1);
}

function withRevision(obj: KubeObject, revision: number, key: string): CachedObject {
  const copy = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } };
  return { key, obj: copy, json: JSON.stringify(copy), revision };
}

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundRevision(events: CacheEvent[], revision: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].revision < revision) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
