import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import type { ListOptions, WatchOptions } from './client.ts';
import { Informer, type ListerWatcher } from './informer.ts';
import { ManualClock } from './manual-clock.ts';
import type { KubeObject, ObjectList } from './object.ts';
import type { WatchEvent } from './watch-events.ts';

function pod(name: string, rv: string, labels: Record<string, string> = {}): KubeObject {
  return { kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default', resourceVersion: rv, labels } };
}

/** One watch stream the test drives: push events, end it cleanly, or fail it. */
class WatchChannel implements AsyncIterable<WatchEvent> {
  private readonly pending: (WatchEvent | { end: true } | { error: unknown })[] = [];
  private wake?: () => void;
  ended = false;

  constructor(readonly options: WatchOptions) {
    options.signal?.addEventListener('abort', () => this.fail(new DOMException('aborted', 'AbortError')));
  }

  push(type: WatchEvent['type'], object: KubeObject): void {
    this.pending.push({ type, object });
    this.wake?.();
  }

  end(): void {
    this.pending.push({ end: true });
    this.wake?.();
  }

  fail(error: unknown): void {
    this.pending.push({ error });
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WatchEvent> {
    try {
      for (;;) {
        while (this.pending.length === 0) await new Promise<void>((r) => (this.wake = r));
        const next = this.pending.shift()!;
        if ('end' in next) return;
        if ('error' in next) throw next.error;
        yield next;
      }
    } finally {
      this.ended = true;
    }
  }
}

/** A ListerWatcher whose LIST answers come from a script and whose watches the test drives. */
class FakeSource implements ListerWatcher<KubeObject> {
  readonly lists: ListOptions[] = [];
  readonly watches: WatchChannel[] = [];

  constructor(private readonly listAnswers: (ObjectList | Error)[]) {}

  async list(options: ListOptions): Promise<ObjectList> {
    this.lists.push(options);
    const answer = this.listAnswers.length > 1 ? this.listAnswers.shift()! : this.listAnswers[0];
    if (answer instanceof Error) throw answer;
    return structuredClone(answer);
  }

  watch(options: WatchOptions): AsyncIterable<WatchEvent> {
    const channel = new WatchChannel(options);
    this.watches.push(channel);
    return channel;
  }

  get watch$(): WatchChannel {
    return this.watches.at(-1)!;
  }
}

function list(rv: string, items: KubeObject[], more?: string): ObjectList {
  return { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: rv, ...(more ? { continue: more } : {}) }, items };
}

const expired = () => new ApiError({ kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 3 (9)' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });

/** Lets pending promise chains run (no time passes on any clock). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

/** An informer over `source` on a manual clock, recording what its handlers saw. */
function informerOver(source: FakeSource, options: { healthyWatchMs?: number } = {}) {
  const clock = new ManualClock();
  const errors: unknown[] = [];
  const informer = new Informer({ source, clock, random: () => 0.5, onError: (e) => errors.push(e), ...options });
  const seen: string[] = [];
  informer.addEventHandler({
    onAdd: (o) => seen.push(`add ${o.metadata.name}@${o.metadata.resourceVersion}`),
    onUpdate: (a, b) => seen.push(`update ${a.metadata.name}@${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`),
    onDelete: (o) => seen.push(`delete ${o.metadata.name}@${o.metadata.resourceVersion}`),
  });
  started.push(informer);
  return { informer, clock, seen, errors };
}

const started: Informer<KubeObject>[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((i) => i.stop()));
});

describe('Informer', () => {
  it('lists every page of 500, then is synced and watches from the list version with bookmarks', async () => {
    const source = new FakeSource([list('7', [pod('a', '5')], 'page2'), list('7', [pod('b', '6')])]);
    const { informer, seen } = informerOver(source);
    expect(informer.hasSynced()).toBe(false);
    await informer.start();
    expect(informer.hasSynced()).toBe(true);
    expect(source.lists.map((l) => [l.limit, l.continue])).toEqual([[500, undefined], [500, 'page2']]);
    expect(seen).toEqual(['add a@5', 'add b@6']);
    await until(() => source.watches.length === 1, 'a watch');
    expect(source.watch$.options).toMatchObject({ resourceVersion: '7', allowWatchBookmarks: true });
    expect(source.watch$.options.timeoutSeconds).toBe(450); // 5 min × (1 + 0.5)
  });

  it('keeps the cache and the handlers current from watch events', async () => {
    const source = new FakeSource([list('7', [pod('a', '5')])]);
    const { informer, seen } = informerOver(source);
    await informer.start();
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('ADDED', pod('b', '8'));
    source.watch$.push('MODIFIED', pod('a', '9'));
    source.watch$.push('DELETED', pod('b', '10'));
    await until(() => seen.length === 4, 'three events');
    expect(seen).toEqual(['add a@5', 'add b@8', 'update a@5->9', 'delete b@10']);
    expect(informer.list().map((o) => o.metadata.resourceVersion)).toEqual(['9']);
    expect(informer.get('default/a')?.metadata.resourceVersion).toBe('9');
    expect(informer.lastSyncResourceVersion).toBe('10');
  });

  it('resumes a closed watch from the last bookmark without listing again', async () => {
    const source = new FakeSource([list('7', [])]);
    const { informer, seen, clock } = informerOver(source);
    await informer.start();
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('BOOKMARK', { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '42' } });
    source.watch$.end();
    // A bookmark and a hang-up is no proof of health: the reconnect waits its back-off.
    await until(() => source.watch$.ended && clock.pendingTimers === 1, 'a back-off');
    expect(clock.nextTimerIn()).toBe(200);
    clock.advance(200);
    await until(() => source.watches.length === 2, 'a second watch');
    expect(source.watch$.options.resourceVersion).toBe('42');
    expect(source.lists).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('re-lists on 410 Expired and reports only the differences, deletes with the last known state', async () => {
    const source = new FakeSource([
      list('7', [pod('same', '1'), pod('changed', '2'), pod('gone', '3')]),
      list('20', [pod('same', '1'), pod('changed', '15'), pod('new', '16')]),
    ]);
    const { informer, seen } = informerOver(source);
    await informer.start();
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('MODIFIED', pod('gone', '4'));
    source.watch$.fail(expired());
    await until(() => source.lists.length === 2, 'a re-list');
    await until(() => source.watches.length === 2, 'a watch after the re-list');
    expect(seen.slice(3)).toEqual(['update gone@3->4', 'update changed@2->15', 'add new@16', 'delete gone@4']);
    expect(informer.list().map((o) => o.metadata.name).sort()).toEqual(['changed', 'new', 'same']);
    expect(source.watch$.options.resourceVersion).toBe('20');
    expect(source.lists[1].continue).toBeUndefined();
  });

  const endings: { name: string; error: () => unknown; relists: boolean }[] = [
    { name: 'resumes the watch after a broken connection', error: refused, relists: false },
    { name: 'resumes the watch after 429 Too Many Requests', error: () => new ApiError({ code: 429, reason: 'TooManyRequests', message: 'slow down' }), relists: false },
    { name: 're-lists after a 504 too-large resourceVersion', error: () => new ApiError({ code: 504, reason: 'Timeout', message: 'Too large resource version' }), relists: true },
    { name: 're-lists after a 403 on the watch', error: () => new ApiError({ code: 403, reason: 'Forbidden', message: 'forbidden' }), relists: true },
  ];
  for (const c of endings) {
    it(c.name, async () => {
      const source = new FakeSource([list('7', [pod('a', '5')])]);
      const { informer, clock, seen } = informerOver(source);
      await informer.start();
      await until(() => source.watches.length === 1, 'a watch');
      source.watch$.push('MODIFIED', pod('a', '8'));
      source.watch$.fail(c.error());
      await until(() => source.watches.length === 2 || clock.pendingTimers === 1, 'a reconnect');
      await until(() => source.watches.length === 2, 'a second watch');
      expect(source.lists).toHaveLength(c.relists ? 2 : 1);
      expect(source.watch$.options.resourceVersion).toBe(c.relists ? '7' : '8');
      // The re-list went back to version 5 of "a": the cache follows the server.
      expect(seen).toEqual(c.relists ? ['add a@5', 'update a@5->8', 'update a@8->5'] : ['add a@5', 'update a@5->8']);
    });
  }

  it('backs off 200 ms doubling to 30 s while the server fails, and resets after a healthy watch', async () => {
    const failures = Array.from({ length: 10 }, refused);
    const source = new FakeSource([...failures, list('7', [])]);
    const { informer, clock, errors } = informerOver(source);
    const ready = informer.start();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      await until(() => source.lists.length === attempt && clock.pendingTimers === 1, `failure ${attempt}`);
      delays.push(clock.nextTimerIn()!);
      clock.advance(clock.nextTimerIn()!);
    }
    await ready;
    expect(delays).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
    expect(errors).toHaveLength(10);

    // A watch that ends at once, empty, is no proof of health: the back-off keeps growing.
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.end();
    await until(() => clock.pendingTimers === 1 && source.watch$.ended, 'a back-off after an empty watch');
    expect(clock.nextTimerIn()).toBe(30000);
    clock.advance(30000);

    // A watch that delivered an event proves the server healthy: reconnect at once, then start over at 200 ms.
    await until(() => source.watches.length === 2, 'a second watch');
    source.watch$.push('ADDED', pod('a', '8'));
    source.watch$.fail(refused());
    await until(() => source.watches.length === 3, 'an immediate reconnect');
    source.watch$.fail(refused());
    await until(() => source.watch$.ended && clock.pendingTimers === 1, 'a back-off');
    expect(clock.nextTimerIn()).toBe(200);
  });

  it('counts a watch that stayed open long enough as healthy even without events', async () => {
    const source = new FakeSource([refused(), list('7', [])]);
    const { informer, clock } = informerOver(source, { healthyWatchMs: 5000 });
    const ready = informer.start();
    await until(() => clock.pendingTimers === 1, 'a back-off');
    clock.advance(200);
    await ready;
    await until(() => source.watches.length === 1, 'a watch');
    clock.advance(5000);
    source.watch$.end();
    await until(() => source.watches.length === 2, 'an immediate reconnect');
  });

  it('gives the deletion a relist found the last state the cache knew', async () => {
    const source = new FakeSource([list('7', [pod('a', '5')]), list('9', [])]);
    const deleted: KubeObject[] = [];
    const { informer } = informerOver(source);
    informer.addEventHandler({ onDelete: (o) => deleted.push(o) });
    await informer.start();
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('MODIFIED', pod('a', '6', { app: 'web' }));
    source.watch$.fail(expired());
    await until(() => deleted.length === 1, 'a delete');
    expect(deleted[0].metadata).toMatchObject({ name: 'a', resourceVersion: '6', labels: { app: 'web' } });
  });

  it('replays the cache as adds to a handler added late, and survives a throwing handler', async () => {
    const source = new FakeSource([list('7', [pod('a', '5'), pod('b', '6')])]);
    const { informer, errors } = informerOver(source);
    await informer.start();
    const late: string[] = [];
    informer.addEventHandler({ onAdd: () => { throw new Error('handler bug'); } });
    informer.addEventHandler({ onAdd: (o) => late.push(o.metadata.name!) });
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('ADDED', pod('c', '8'));
    await until(() => late.length === 3, 'the live add');
    expect(late).toEqual(['a', 'b', 'c']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['handler bug', 'handler bug', 'handler bug']);
  });

  it('keeps indexes current as objects change', async () => {
    const source = new FakeSource([list('7', [pod('a', '5', { app: 'web' }), pod('b', '6', { app: 'db' })])]);
    const { informer } = informerOver(source);
    informer.addIndexer('app', (o) => [o.metadata.labels?.app ?? '']);
    await informer.start();
    expect(informer.byIndex('app', 'web').map((o) => o.metadata.name)).toEqual(['a']);
    await until(() => source.watches.length === 1, 'a watch');
    source.watch$.push('MODIFIED', pod('b', '8', { app: 'web' }));
    await until(() => informer.byIndex('app', 'web').length === 2, 'b indexed under web');
    expect(informer.byIndex('app', 'db')).toEqual([]);
    expect(informer.byIndex('namespace', 'default')).toHaveLength(2);
  });

  it('stop closes the watch and leaves no timer; a stop before the first list rejects start', async () => {
    const source = new FakeSource([list('7', [])]);
    const { informer, clock } = informerOver(source);
    await informer.start();
    await until(() => source.watches.length === 1, 'a watch');
    await informer.stop();
    expect(source.watch$.ended).toBe(true);
    expect(clock.pendingTimers).toBe(0);

    const failing = informerOver(new FakeSource([refused()]));
    const start = failing.informer.start();
    await until(() => failing.clock.pendingTimers === 1, 'a back-off');
    const controller = new AbortController();
    const waited = failing.informer.waitForSync(controller.signal);
    controller.abort();
    expect(await waited).toBe(false);
    await failing.informer.stop();
    await expect(start).rejects.toThrow(/stopped before its first list/);
    expect(failing.clock.pendingTimers).toBe(0);
  });
});
