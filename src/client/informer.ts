import { ApiError, isResourceExpired } from './api-error.ts';
import { Backoff, defaultReconnectBackoff } from './backoff.ts';
import { CacheStore, type CacheReader, type IndexFunc } from './cache-store.ts';
import type { ListOptions, WatchOptions } from './client.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import { objectKey, type KubeObject, type ObjectList } from './object.ts';
import { replaceWithList, type Notification } from './replace-with-list.ts';
import type { WatchEvent } from './watch-events.ts';

/** What an informer lists and watches: a ResourceClient, or a fake in tests. */
export interface ListerWatcher<T extends KubeObject> {
  list(options: ListOptions): Promise<ObjectList<T>>;
  watch(options: WatchOptions): AsyncIterable<WatchEvent<T>>;
}

/** Callbacks for cache changes. Handlers should only enqueue keys (the ReplicaSet controller's shape). */
export interface EventHandler<T> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  /** After a re-list, the object is the last state the cache knew. */
  onDelete?(obj: T): void;
}

export interface InformerOptions<T extends KubeObject> {
  source: ListerWatcher<T>;
  /** Only this namespace; all namespaces when unset. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** LIST page size (default 500, as client-go's pager). */
  pageSize?: number;
  clock?: Clock;
  /** In [0, 1): drives back-off jitter and watch timeouts. */
  random?: () => number;
  /** Reconnect back-off (default 200 ms doubling to 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /**
   * A watch that stayed open this long, or delivered a change, proves the server healthy:
   * the back-off resets and the next watch starts at once (default 5 s).
   */
  healthyWatchMs?: number;
  /** Where list/watch failures and handler exceptions go (default: console.warn). The informer keeps retrying. */
  onError?: (error: unknown) => void;
  /** A name for messages, such as `pods`. */
  name?: string;
}

/** As client-go's reflector: the server closes each watch after 5-10 minutes, spreading reconnects. */
const MIN_WATCH_TIMEOUT_SECONDS = 300;
/** If the server's close never arrives (a dead connection), the client gives up this much later. */
const WATCH_DEADLINE_GRACE_MS = 30_000;

/**
 * A list+watch cache of one resource (client-go's reflector + shared index informer): a paged
 * LIST, then a WATCH from the list's resourceVersion with bookmarks. A closed watch resumes
 * from the last version seen; 410 Expired re-lists and reports the differences as
 * add/update/delete (client-go's Replace). Failures back off exponentially with jitter, reset
 * after a healthy watch, so the informer neither floods the server nor stalls.
 *
 * @example
 * const pods = new Informer({ source: new ResourceClient({ transport, type: podsType }) });
 * pods.addEventHandler({ onAdd: (p) => queue.add(objectKey(p)) });
 * await pods.start(signal); // resolves once the first list is cached
 */
export class Informer<T extends KubeObject> {
  private readonly store = new CacheStore<T>();
  private readonly handlers = new Set<EventHandler<T>>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoff: Backoff;
  private readonly stopping = new AbortController();
  private resourceVersion = '';
  private synced = false;
  private readonly syncWaiters = new Set<() => void>();
  private running?: Promise<void>;

  constructor(private readonly options: InformerOptions<T>) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoff = new Backoff({ ...(options.backoff ?? defaultReconnectBackoff), random: this.random });
  }

  /** The cache, for reads. */
  get cache(): CacheReader<T> {
    return this.store;
  }

  get(key: string): T | undefined {
    return this.store.get(key);
  }

  list(): T[] {
    return this.store.list();
  }

  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.store.addIndexer(name, fn);
  }

  byIndex(name: string, value: string): T[] {
    return this.store.byIndex(name, value);
  }

  /** The newest resourceVersion seen (list, event or bookmark): where a watch resumes. */
  get lastSyncResourceVersion(): string {
    return this.resourceVersion;
  }

  /**
   * Registers callbacks; the returned function removes them. A handler added after the
   * first list first gets an add for every cached object, as client-go's AddEventHandler.
   */
  addEventHandler(handler: EventHandler<T>): () => void {
    this.handlers.add(handler);
    for (const obj of this.store.list()) this.call(() => handler.onAdd?.(obj));
    return () => this.handlers.delete(handler);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves true once the first list is cached, false if `signal` aborts or the informer stops first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    return new Promise((resolve) => {
      const settle = () => {
        this.syncWaiters.delete(settle);
        signal?.removeEventListener('abort', settle);
        this.stopping.signal.removeEventListener('abort', settle);
        resolve(this.synced);
      };
      if (signal?.aborted || this.stopping.signal.aborted) return settle();
      this.syncWaiters.add(settle);
      signal?.addEventListener('abort', settle, { once: true });
      this.stopping.signal.addEventListener('abort', settle, { once: true });
    });
  }

  /** Starts listing and watching; resolves once the first list is cached, rejects if stopped first. */
  async start(signal?: AbortSignal): Promise<void> {
    if (this.running) throw new Error('the informer is already started');
    signal?.addEventListener('abort', () => void this.stop(), { once: true });
    if (signal?.aborted) this.stopping.abort();
    this.running = this.run();
    if (!(await this.waitForSync())) throw new Error(`the ${this.name} informer stopped before its first list`);
  }

  /** Stops watching; resolves when the connection is closed and no timer is left. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private get name(): string {
    return this.options.name ?? 'resource';
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    let needList = true;
    while (!signal.aborted) {
      let healthy = false;
      try {
        if (needList) {
          await this.listAndReplace(signal);
          needList = false;
        }
        await this.watch(signal, () => (healthy = true));
      } catch (error) {
        if (signal.aborted) break;
        // As client-go's reflector: a broken connection resumes the watch where it stopped;
        // an expired version (410) cannot be resumed, and any other refusal from the server
        // (a too-large version after a datastore restore, a lost permission) is not trusted to
        // heal by itself, so both re-list. Only 429 (back off and retry) keeps the version.
        if (error instanceof ApiError && error.code !== 429) needList = true;
        if (!isResourceExpired(error)) this.report(error);
      }
      if (healthy) {
        this.backoff.reset();
        continue;
      }
      await sleep(this.clock, this.backoff.next(), signal);
    }
  }

  /** Lists every page, then replaces the cache, notifying the differences. */
  private async listAndReplace(signal: AbortSignal): Promise<void> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.options.source.list({
        namespace: this.options.namespace,
        labelSelector: this.options.labelSelector,
        fieldSelector: this.options.fieldSelector,
        limit: this.options.pageSize ?? 500,
        continue: continueToken,
        signal,
      });
      items.push(...page.items);
      continueToken = page.metadata.continue || undefined;
      resourceVersion = page.metadata.resourceVersion ?? resourceVersion;
    } while (continueToken);
    if (signal.aborted) return;
    const notifications = replaceWithList(this.store, items);
    this.resourceVersion = resourceVersion;
    this.notify(notifications);
    if (!this.synced) {
      this.synced = true;
      for (const settle of [...this.syncWaiters]) settle();
    }
  }

  /**
   * One watch from the last version seen; ends when the server closes it, throws when it
   * fails. `markHealthy` is called once it delivers a change or has lasted `healthyWatchMs`.
   */
  private async watch(signal: AbortSignal, markHealthy: () => void): Promise<void> {
    const timeoutSeconds = Math.floor(MIN_WATCH_TIMEOUT_SECONDS * (1 + this.random()));
    const startedAt = this.clock.now();
    const watchAbort = new AbortController();
    const abortWatch = () => watchAbort.abort();
    signal.addEventListener('abort', abortWatch, { once: true });
    const cancelDeadline = this.clock.setTimer(timeoutSeconds * 1000 + WATCH_DEADLINE_GRACE_MS, abortWatch);
    try {
      const events = this.options.source.watch({
        namespace: this.options.namespace,
        labelSelector: this.options.labelSelector,
        fieldSelector: this.options.fieldSelector,
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds,
        signal: watchAbort.signal,
      });
      for await (const event of events) {
        this.apply(event);
        // A bookmark alone proves little: a server that sent one and hung up at once, every
        // time, would otherwise be reconnected to in a tight loop.
        if (event.type !== 'BOOKMARK') markHealthy();
      }
    } catch (error) {
      // The client-side deadline is a normal end: the server should have closed by then.
      if (!(watchAbort.signal.aborted && !signal.aborted)) throw error;
    } finally {
      cancelDeadline();
      signal.removeEventListener('abort', abortWatch);
      if (this.clock.now() - startedAt >= (this.options.healthyWatchMs ?? 5_000)) markHealthy();
    }
  }

  private apply(event: WatchEvent<T>): void {
    const version = event.object.metadata?.resourceVersion;
    if (event.type === 'BOOKMARK') {
      // Bookmarks only advance where the next watch resumes.
      if (version) this.resourceVersion = version;
      return;
    }
    const obj = event.object;
    if (event.type === 'DELETED') {
      // As client-go, the deleted object is the event's: its final state on the server.
      this.store.remove(objectKey(obj));
      this.notify([{ type: 'delete', obj }]);
    } else {
      const old = this.store.put(obj);
      this.notify([old ? { type: 'update', old, obj } : { type: 'add', obj }]);
    }
    if (version) this.resourceVersion = version;
  }

  private notify(notifications: Notification<T>[]): void {
    for (const n of notifications) {
      for (const h of this.handlers) {
        this.call(() => {
          if (n.type === 'add') h.onAdd?.(n.obj);
          else if (n.type === 'update') h.onUpdate?.(n.old, n.obj);
          else h.onDelete?.(n.obj);
        });
      }
    }
  }

  /** A throwing handler must not break the informer nor the other handlers. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.report(error);
    }
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error);
    else console.warn(`${this.name} informer: ${(error as Error)?.message ?? error}`);
  }
}
