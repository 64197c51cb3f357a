import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';
import { WorkQueue } from './work-queue.ts';
import { BucketRateLimiter, ItemExponentialRateLimiter, defaultControllerRateLimiter } from './rate-limiter.ts';

/** Keys a getter would take right now, without waiting. */
async function drain(queue: WorkQueue, count = Infinity): Promise<string[]> {
  const keys: string[] = [];
  while (queue.length > 0 && keys.length < count) keys.push((await queue.get())!);
  return keys;
}

describe('WorkQueue', () => {
  it('hands out a key added many times only once', async () => {
    const queue = new WorkQueue({ clock: new ManualClock() });
    queue.add('default/a');
    queue.add('default/b');
    queue.add('default/a');
    expect(await drain(queue)).toEqual(['default/a', 'default/b']);
  });

  it('does not hand out a key again while it is processed, and queues it once more after done', async () => {
    const queue = new WorkQueue({ clock: new ManualClock() });
    queue.add('k');
    const key = await queue.get();
    queue.add('k');
    queue.add('k');
    expect(queue.length).toBe(0);
    queue.done(key!);
    expect(await drain(queue)).toEqual(['k']);
  });

  it('does not requeue a key on done when nobody re-added it', async () => {
    const queue = new WorkQueue({ clock: new ManualClock() });
    queue.add('k');
    queue.done((await queue.get())!);
    expect(queue.length).toBe(0);
  });

  it('wakes a waiting getter when a key is added', async () => {
    const queue = new WorkQueue({ clock: new ManualClock() });
    const next = queue.get();
    queue.add('late');
    expect(await next).toBe('late');
  });

  it('answers undefined to waiting getters on shutDown, after handing out what was queued', async () => {
    const queue = new WorkQueue({ clock: new ManualClock() });
    queue.add('queued');
    queue.shutDown();
    queue.add('ignored');
    expect(await queue.get()).toBe('queued');
    expect(await queue.get()).toBeUndefined();
    const waiting = new WorkQueue({ clock: new ManualClock() });
    const pending = waiting.get();
    waiting.shutDown();
    expect(await pending).toBeUndefined();
  });

  it('adds a key after its delay and keeps the earlier time when added twice', async () => {
    const clock = new ManualClock();
    const queue = new WorkQueue({ clock });
    queue.addAfter('k', 100);
    queue.addAfter('k', 500);
    clock.advance(99);
    expect(queue.length).toBe(0);
    clock.advance(1);
    expect(await drain(queue)).toEqual(['k']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('moves a waiting key earlier when added again with a shorter delay', async () => {
    const clock = new ManualClock();
    const queue = new WorkQueue({ clock });
    queue.addAfter('k', 500);
    queue.addAfter('k', 10);
    clock.advance(10);
    expect(queue.length).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('cancels delayed adds on shutDown so no timer is left behind', () => {
    const clock = new ManualClock();
    const queue = new WorkQueue({ clock });
    queue.addAfter('k', 100);
    queue.addRateLimited('j');
    queue.shutDown();
    expect(clock.pendingTimers).toBe(0);
  });

  it('retries a failing key after 5, 10, 20 ms and starts over after forget', async () => {
    const clock = new ManualClock();
    const queue = new WorkQueue({ clock });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      queue.addRateLimited('k');
      delays.push(clock.nextTimerIn()!);
      clock.advance(clock.nextTimerIn()!);
      queue.done((await queue.get())!);
    }
    expect(delays).toEqual([5, 10, 20]);
    expect(queue.numRequeues('k')).toBe(3);
    queue.forget('k');
    expect(queue.numRequeues('k')).toBe(0);
    queue.addRateLimited('k');
    expect(clock.nextTimerIn()).toBe(5);
  });
});

describe('rate limiters', () => {
  const cases: { name: string; failures: number; expected: number }[] = [
    { name: 'the first failure waits the base delay', failures: 1, expected: 5 },
    { name: 'the eleventh failure waits 5 ms × 2^10', failures: 11, expected: 5120 },
    { name: 'the back-off stops growing at 1000 s', failures: 40, expected: 1_000_000 },
    { name: 'a huge failure count never overflows the cap', failures: 2000, expected: 1_000_000 },
  ];
  for (const c of cases) {
    it(`item exponential: ${c.name}`, () => {
      const limiter = new ItemExponentialRateLimiter<string>({ baseDelayMs: 5, maxDelayMs: 1_000_000 });
      let delay = 0;
      for (let i = 0; i < c.failures; i++) delay = limiter.when('k');
      expect(delay).toBe(c.expected);
    });
  }

  it('token bucket lets a burst of 100 through and then spaces retries 100 ms apart', () => {
    const clock = new ManualClock();
    const bucket = new BucketRateLimiter<string>({ qps: 10, burst: 100, clock });
    const delays = Array.from({ length: 103 }, (_, i) => bucket.when(`k${i}`));
    expect(delays.slice(0, 100).every((d) => d === 0)).toBe(true);
    expect(delays.slice(100).map((d) => Math.round(d))).toEqual([100, 200, 300]);
    clock.advance(60_000); // refills 600 tokens worth, capped at the burst of 100
    expect(Array.from({ length: 100 }, () => bucket.when('x')).every((d) => d === 0)).toBe(true);
    expect(bucket.when('x')).toBe(100);
  });

  it('the default controller limiter takes the longer of the item back-off and the bucket', () => {
    const clock = new ManualClock();
    const limiter = defaultControllerRateLimiter<string>(clock);
    for (let i = 0; i < 100; i++) expect(limiter.when(`spread-${i}`)).toBe(5);
    // The bucket is empty: a fresh item now waits for a token rather than 5 ms.
    expect(Math.round(limiter.when('fresh'))).toBe(100);
  });
});
