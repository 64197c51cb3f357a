import type { RevisionLog } from './types.ts';

/** Runs a task every interval; injected so tests fire ticks instead of sleeping. */
export interface Scheduler {
  /** Calls tick every intervalMs until the returned function is called. */
  every(intervalMs: number, tick: () => Promise<void>): () => void;
}

/** The real scheduler: setInterval, unref'd so that it never keeps the process alive. */
export const intervalScheduler: Scheduler = {
  every(intervalMs, tick) {
    const handle = setInterval(() => void tick(), intervalMs);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

export interface CompactorOptions {
  store: RevisionLog;
  /** How often to compact (default 5 minutes, kube-apiserver's --etcd-compaction-interval). */
  intervalMs?: number;
  /** Revisions always kept behind the newest (default 1000, kine's minimum retention). */
  retainRevisions?: number;
  scheduler?: Scheduler;
  /** Where a failed compaction is reported (default: console.error); the next tick retries. */
  onError?: (error: unknown) => void;
}

export const defaultCompactionIntervalMs = 5 * 60 * 1000;
export const defaultRetainRevisions = 1000;

/**
 * Periodic compaction of the revision log.
 *
 * Retention keeps whichever is more: the last `retainRevisions` revisions, or one interval of
 * history. As kube-apiserver's compactor, each tick compacts up to the revision it saw at the
 * previous tick, so a watch that fell less than one interval (5 minutes) behind can still
 * resume; as kine, the newest 1000 revisions are never compacted, so a quiet cluster keeps
 * enough history for clients that reconnect after a long pause.
 *
 * @example
 * const compactor = new Compactor({ store });
 * compactor.start();
 * // ...
 * await compactor.stop();
 */
export class Compactor {
  private cancel?: () => void;
  private seenAtLastTick?: number;
  private running?: Promise<void>;

  constructor(private readonly options: CompactorOptions) {}

  /** Starts ticking; stops when signal aborts (if given) or at stop(). */
  start(signal?: AbortSignal): void {
    if (this.cancel) return;
    const scheduler = this.options.scheduler ?? intervalScheduler;
    this.seenAtLastTick = this.options.store.currentRevision();
    this.cancel = scheduler.every(this.options.intervalMs ?? defaultCompactionIntervalMs, () => this.tick());
    signal?.addEventListener('abort', () => void this.stop(), { once: true });
  }

  /** Stops ticking and waits for a compaction in progress to finish. */
  async stop(): Promise<void> {
    this.cancel?.();
    this.cancel = undefined;
    await this.running;
  }

  private tick(): Promise<void> {
    // A compaction still running from the previous tick is not doubled up.
    if (this.running) return this.running;
    const store = this.options.store;
    const current = store.currentRevision();
    const target = Math.min(this.seenAtLastTick ?? 0, current - (this.options.retainRevisions ?? defaultRetainRevisions));
    this.seenAtLastTick = current;
    if (target <= store.compactedRevision()) return Promise.resolve();
    const onError = this.options.onError ?? ((error: unknown) => console.error('store: compaction failed', error));
    this.running = store
      .compact(target)
      .catch(onError)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
