/**
 * Runs `count` calls of `fn` in batches of 1, 2, 4, ... (upstream's slowStartBatch): each batch
 * starts only when the previous one fully succeeded, so a failing call (quota, admission) costs
 * one request rather than `count`. Answers how many succeeded and the first error, if any.
 */
export async function slowStartBatch(opts: { count: number; initialBatchSize: number; fn: (index: number) => Promise<void> }): Promise<{ succeeded: number; error?: Error }> {
  let remaining = opts.count;
  let succeeded = 0;
  let index = 0;
  for (let batch = Math.min(remaining, opts.initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => opts.fn(index++)));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    succeeded += batch - failures.length;
    if (failures.length > 0) {
      const reason = failures[0].reason;
      return { succeeded, error: reason instanceof Error ? reason : new Error(String(reason)) };
    }
    remaining -= batch;
  }
  return { succeeded };
}
