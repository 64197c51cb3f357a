import { systemClock, type Clock } from './clock.ts';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.ts';

export interface WorkQueueOptions<K> {
  clock?: Clock;
  /** Default: client-go's DefaultControllerRateLimiter on `clock`. */
  rateLimiter?: RateLimiter<K>;
}

/**
 * client-go's rate-limiting work queue (workqueue.Typed{,Delaying,RateLimiting}Interface), the
 * spine of every controller: event handlers `add` keys, workers loop on `get`/`done`.
 *
 * - A key is queued at most once however often it is added (dirty set).
 * - A key being processed is not handed out again until `done`; if re-added meanwhile it is
 *   queued once more after `done`, so the newest state is always reconciled and never by two
 *   workers at once.
 * - `addRateLimited` retries with back-off; `forget` resets the key's history after a success.
 * - After `shutDown`, adds are ignored, keys already queued are still handed out, then `get`
 *   answers undefined (client-go hands out the remainder too).
 *
 * @example
 * for (let key; (key = await queue.get()) !== undefined; ) {
 *   try { await sync(key); queue.forget(key); } catch { queue.addRateLimited(key); } finally { queue.done(key); }
 * }
 */
export class WorkQueue<K = string> {
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter<K>;
  private readonly queue: K[] = [];
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly waiting = new Map<K, { readyAt: number; cancel: () => void }>();
  private readonly getters: ((key: K | undefined) => void)[] = [];
  private stopping = false;

  constructor(options: WorkQueueOptions<K> = {}) {
    this.clock = options.clock ?? systemClock;
    this.rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter<K>(this.clock);
  }

  add(key: K): void {
    if (this.stopping || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return; // queued again by done()
    this.queue.push(key);
    this.handOut();
  }

  /**
   * Adds `key` after `delayMs`. A key already waiting keeps the earlier of its two times
   * (client-go's delaying queue), so repeated retries never push a key further out.
   */
  addAfter(key: K, delayMs: number): void {
    if (this.stopping) return;
    if (delayMs <= 0) return this.add(key);
    const readyAt = this.clock.now() + delayMs;
    const existing = this.waiting.get(key);
    if (existing && existing.readyAt <= readyAt) return;
    existing?.cancel();
    const cancel = this.clock.setTimer(delayMs, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { readyAt, cancel });
  }

  /** Adds `key` once the rate limiter allows: after the item's back-off and a bucket token. */
  addRateLimited(key: K): void {
    this.addAfter(key, this.rateLimiter.when(key));
  }

  /** Clears the key's retry history: call after a successful sync. */
  forget(key: K): void {
    this.rateLimiter.forget(key);
  }

  numRequeues(key: K): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** The next key to process; undefined once shut down and drained. Call `done(key)` after. */
  get(): Promise<K | undefined> {
    if (this.queue.length > 0) return Promise.resolve(this.take());
    if (this.stopping) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks `key` processed; a key re-added while it was processed is queued now. */
  done(key: K): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.handOut();
    }
  }

  /** Keys queued now (not the ones waiting for a delay or being processed). */
  get length(): number {
    return this.queue.length;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }

  /** Stops accepting keys, cancels pending delays and releases waiting getters. */
  shutDown(): void {
    this.stopping = true;
    for (const w of this.waiting.values()) w.cancel();
    this.waiting.clear();
    this.handOut();
    for (const resolve of this.getters.splice(0)) resolve(undefined);
  }

  private take(): K {
    const key = this.queue.shift()!;
    this.processing.add(key);
    this.dirty.delete(key);
    return key;
  }

  private handOut(): void {
    while (this.getters.length > 0 && this.queue.length > 0) this.getters.shift()!(this.take());
  }
}
