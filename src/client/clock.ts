/**
 * Time as a parameter (STYLE.md §5): the informer's back-off and the work queue's delays read
 * the clock and arm timers only through this interface, so tests move a manual clock instead
 * of sleeping.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin; only differences matter. */
  now(): number;
  /** Calls `fire` once after `ms`; the returned function cancels it (a no-op once fired). */
  setTimer(ms: number, fire: () => void): () => void;
}

/** The real clock. Timers are unref'd: a pending back-off never keeps a process alive. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(ms, fire) {
    const handle = setTimeout(fire, Math.max(0, ms));
    (handle as { unref?: () => void }).unref?.();
    return () => clearTimeout(handle);
  },
};

/**
 * Waits `ms` on `clock`; resolves early (never rejects) when `signal` aborts, so a stopping
 * component does not sit out a 30 s back-off.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      cancel();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const cancel = clock.setTimer(ms, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
