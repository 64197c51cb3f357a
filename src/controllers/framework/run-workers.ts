import type { WorkQueue } from '../../client/index.ts';

/**
 * The worker loop every queue-driven controller runs (client-go's processNextWorkItem):
 * `reconcile(key)` succeeds -> forget the key's back-off; fails -> requeue rate-limited.
 * Resolves when the queue has shut down and drained.
 */
export async function runWorkers<K>(opts: {
  queue: WorkQueue<K>;
  workers: number;
  reconcile: (key: K) => Promise<void>;
  onError?: (key: K, error: unknown) => void;
  signal: AbortSignal;
}): Promise<void> {
  opts.signal.addEventListener('abort', () => opts.queue.shutDown(), { once: true });
  const worker = async () => {
    for (;;) {
      const key = await opts.queue.get();
      if (key === undefined) return;
      try {
        await opts.reconcile(key);
        opts.queue.forget(key);
      } catch (error) {
        opts.onError?.(key, error);
        if (!opts.signal.aborted) opts.queue.addRateLimited(key);
      } finally {
        opts.queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, worker));
}
