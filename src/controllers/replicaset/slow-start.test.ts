import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slow-start.ts';

describe('slowStartBatch()', () => {
  it('runs batches of 1, 2, 4 and the remainder', async () => {
    const batches: number[] = [];
    let inFlight = 0;
    let batchPeak = 0;
    const result = await slowStartBatch({
      count: 10,
      initialBatchSize: 1,
      fn: async (i) => {
        inFlight++;
        batchPeak = Math.max(batchPeak, inFlight);
        await Promise.resolve();
        if ([0, 1, 3, 7].includes(i)) batches.push(batchPeak), (batchPeak = 0);
        inFlight--;
      },
    });
    expect(result).toEqual({ succeeded: 10 });
    expect(batches).toEqual([1, 2, 4, 3]);
  });

  it('stops after the batch in which a call failed', async () => {
    const calls: number[] = [];
    const result = await slowStartBatch({
      count: 10,
      initialBatchSize: 1,
      fn: async (i) => {
        calls.push(i);
        if (i === 2) throw new Error('quota exceeded');
      },
    });
    expect(calls).toEqual([0, 1, 2]);
    expect(result.succeeded).toBe(2);
    expect(result.error?.message).toBe('quota exceeded');
  });

  it('does nothing for a count of zero', async () => {
    expect(await slowStartBatch({ count: 0, initialBatchSize: 1, fn: async () => {} })).toEqual({ succeeded: 0 });
  });
});
