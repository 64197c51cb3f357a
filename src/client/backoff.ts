/**
 * Exponential back-off with jitter for reconnecting clients: each failure doubles the base
 * delay up to a cap, and the delay drawn is spread between half and one and a half times the
 * base, so a fleet of agents that lost the same server does not come back in lock-step
 * (the idea of client-go's reflector back-off manager: 800 ms → 30 s, jittered).
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A number in [0, 1); a parameter so tests choose it. */
  random: () => number;
}

export const defaultReconnectBackoff = { initialMs: 200, maxMs: 30_000 } as const;

export class Backoff {
  private failures = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.failures);
    this.failures++;
    return Math.min(this.options.maxMs, base * (0.5 + this.options.random()));
  }

  /** Back to the initial delay, after a success that proves the peer healthy. */
  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
