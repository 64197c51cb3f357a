import { describe, expect, it } from 'vitest';
import { Compactor, type Scheduler } from './compactor.ts';
import { MemoryRevisionLog } from './memory/memory-revision-log.ts';

/** A scheduler the test drives: fire() runs one tick and waits for it. */
function manualScheduler() {
  let tick: (() => Promise<void>) | undefined;
  let interval = 0;
  const scheduler: Scheduler = {
    every(intervalMs, fn) {
      interval = intervalMs;
      tick = fn;
      return () => (tick = undefined);
    },
  };
  return {
    scheduler,
    interval: () => interval,
    running: () => tick !== undefined,
    fire: async () => {
      if (!tick) throw new Error('the compactor is not scheduled');
      await tick();
    },
  };
}

async function storeWithWrites(count: number): Promise<MemoryRevisionLog> {
  const store = new MemoryRevisionLog();
  await store.start();
  await writes(store, count);
  return store;
}

async function writes(store: MemoryRevisionLog, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await store.create(`/k/${store.currentRevision() + 1}`, 'v');
}

describe('Compactor', () => {
  it('ticks every 5 minutes by default, as kube-apiserver compacts', async () => {
    const clock = manualScheduler();
    const compactor = new Compactor({ store: await storeWithWrites(0), scheduler: clock.scheduler });
    compactor.start();
    expect(clock.interval()).toBe(5 * 60 * 1000);
    await compactor.stop();
    expect(clock.running()).toBe(false);
  });

  const cases: Array<{ name: string; before: number; between: number; retain: number; expected: number }> = [
    { name: 'compacts to the revision seen one tick earlier when more than retainRevisions were written since', before: 50, between: 30, retain: 10, expected: 50 },
    { name: 'keeps the last retainRevisions revisions even when they are older than one tick', before: 50, between: 5, retain: 10, expected: 45 },
    { name: 'compacts nothing while fewer than retainRevisions revisions exist', before: 8, between: 0, retain: 10, expected: 0 },
  ];
  for (const { name, before, between, retain, expected } of cases) {
    it(name, async () => {
      const store = await storeWithWrites(before);
      const clock = manualScheduler();
      const compactor = new Compactor({ store, scheduler: clock.scheduler, retainRevisions: retain });
      compactor.start(); // sees revision `before`
      await writes(store, between);
      await clock.fire();
      expect(store.compactedRevision()).toBe(expected);
      await compactor.stop();
    });
  }

  it('never compacts a revision written after the previous tick', async () => {
    const store = await storeWithWrites(0);
    const clock = manualScheduler();
    const compactor = new Compactor({ store, scheduler: clock.scheduler, retainRevisions: 0 });
    compactor.start();
    await writes(store, 20);
    await clock.fire(); // previous tick saw 0
    expect(store.compactedRevision()).toBe(0);
    await writes(store, 5);
    await clock.fire(); // previous tick saw 20
    expect(store.compactedRevision()).toBe(20);
    await compactor.stop();
  });

  it('reports a failed compaction and retries at the next tick', async () => {
    const store = await storeWithWrites(10);
    const clock = manualScheduler();
    const errors: unknown[] = [];
    let failNext = true;
    const compact = store.compact.bind(store);
    store.compact = (revision) => (failNext ? ((failNext = false), Promise.reject(new Error('disk full'))) : compact(revision));
    const compactor = new Compactor({ store, scheduler: clock.scheduler, retainRevisions: 0, onError: (e) => errors.push(e) });
    compactor.start();
    await writes(store, 1);
    await clock.fire();
    expect(errors).toHaveLength(1);
    expect(store.compactedRevision()).toBe(0);
    await writes(store, 1);
    await clock.fire();
    expect(store.compactedRevision()).toBe(11);
    await compactor.stop();
  });

  it('stops ticking when the start signal aborts', async () => {
    const clock = manualScheduler();
    const controller = new AbortController();
    const compactor = new Compactor({ store: await storeWithWrites(0), scheduler: clock.scheduler });
    compactor.start(controller.signal);
    controller.abort();
    expect(clock.running()).toBe(false);
    await compactor.stop();
  });
});
