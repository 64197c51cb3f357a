/** Order statistics of one set of samples (milliseconds, bytes, whatever was measured). */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The value at quantile q (0..1) of ascending samples, by the nearest-rank method: the
 * smallest sample with at least q of all samples at or below it. Nearest-rank never
 * interpolates, so a reported p99 is a latency some request really had.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5) // 2
 */
export function quantile(ascending: readonly number[], q: number): number {
  if (ascending.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * ascending.length));
  return ascending[Math.min(rank, ascending.length) - 1];
}

/**
 * p50, p99 and max of samples in any order.
 *
 * @example
 * summarize([3, 1, 2]) // { count: 3, p50: 2, p99: 3, max: 3 }
 */
export function summarize(samples: readonly number[]): Summary {
  const ascending = [...samples].sort((a, b) => a - b);
  return { count: ascending.length, p50: quantile(ascending, 0.5), p99: quantile(ascending, 0.99), max: ascending.at(-1) ?? Number.NaN };
}
