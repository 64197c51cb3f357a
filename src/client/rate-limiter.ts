import type { Clock } from './clock.ts';

/**
 * How long an item waits before its next retry (client-go's workqueue.TypedRateLimiter).
 * `when` records a failure and answers the delay; `forget` clears the item's history.
 */
export interface RateLimiter<K> {
  when(item: K): number;
  forget(item: K): void;
  numRequeues(item: K): number;
}

/** Per-item exponential back-off: base, 2×base, 4×base... capped (client-go's ItemExponentialFailureRateLimiter). */
export class ItemExponentialRateLimiter<K> implements RateLimiter<K> {
  private readonly failures = new Map<K, number>();

  constructor(private readonly options: { baseDelayMs: number; maxDelayMs: number }) {}

  when(item: K): number {
    const exponent = this.failures.get(item) ?? 0;
    this.failures.set(item, exponent + 1);
    // 2^exponent overflows to Infinity long before it matters; min() keeps the cap.
    return Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** exponent);
  }

  forget(item: K): void {
    this.failures.delete(item);
  }

  numRequeues(item: K): number {
    return this.failures.get(item) ?? 0;
  }
}

/**
 * One token bucket shared by all items (client-go's BucketRateLimiter over golang.org/x/time/rate):
 * `burst` retries go at once, then `qps` a second. Each call reserves a token, so a crowd of
 * failing items is spread out in time rather than retried together.
 */
export class BucketRateLimiter<K> implements RateLimiter<K> {
  private tokens: number;
  private last: number;

  constructor(private readonly options: { qps: number; burst: number; clock: Clock }) {
    this.tokens = options.burst;
    this.last = options.clock.now();
  }

  when(_item: K): number {
    const now = this.options.clock.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) * this.options.qps) / 1000);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.options.qps;
  }

  forget(_item: K): void {}

  numRequeues(_item: K): number {
    return 0;
  }
}

/** The longest delay any of the limiters asks for (client-go's MaxOfRateLimiter). */
export class MaxOfRateLimiter<K> implements RateLimiter<K> {
  private readonly limiters: RateLimiter<K>[];

  constructor(...limiters: RateLimiter<K>[]) {
    this.limiters = limiters;
  }

  when(item: K): number {
    // Every limiter must record the failure, so no short-circuit.
    return this.limiters.map((l) => l.when(item)).reduce((a, b) => Math.max(a, b), 0);
  }

  forget(item: K): void {
    for (const l of this.limiters) l.forget(item);
  }

  numRequeues(item: K): number {
    return this.limiters.map((l) => l.numRequeues(item)).reduce((a, b) => Math.max(a, b), 0);
  }
}

/**
 * client-go's DefaultControllerRateLimiter: per item 5 ms doubling up to 1000 s, overall
 * 10 retries a second with a burst of 100.
 */
export function defaultControllerRateLimiter<K>(clock: Clock): RateLimiter<K> {
  return new MaxOfRateLimiter<K>(
    new ItemExponentialRateLimiter<K>({ baseDelayMs: 5, maxDelayMs: 1000 * 1000 }),
    new BucketRateLimiter<K>({ qps: 10, burst: 100, clock }),
  );
}
