import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CompactedError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionConflictError,
  type RevisionLog,
  type StoreEvent,
} from './types.ts';

/** Makes a fresh, empty, not yet started revision log. */
export type RevisionLogFactory = () => RevisionLog | Promise<RevisionLog>;

/**
 * The behaviour every RevisionLog implementation shares (one contract suite per interface, as
 * Hono's router tests): the libSQL and memory stores both run it.
 *
 * @example
 * describeRevisionLogContract('MemoryRevisionLog', () => new MemoryRevisionLog());
 */
export function describeRevisionLogContract(name: string, factory: RevisionLogFactory): void {
  describe(`${name} (RevisionLog contract)`, () => {
    let log: RevisionLog;

    beforeEach(async () => {
      log = await factory();
      await log.start();
    });

    afterEach(async () => {
      await log.close();
    });

    it('starts empty at revision 0 with nothing compacted', async () => {
      expect(log.currentRevision()).toBe(0);
      expect(log.compactedRevision()).toBe(0);
      expect(await log.list('')).toEqual({ items: [], revision: 0 });
      expect(await log.get('/a')).toBeUndefined();
    });

    it('create returns the value at a new revision that is both its mod and create revision', async () => {
      const kv = await log.create('/registry/pods/default/a', 'v1');
      expect(kv).toEqual({ key: '/registry/pods/default/a', value: 'v1', modRevision: 1, createRevision: 1 });
      expect(log.currentRevision()).toBe(1);
      expect(await log.get('/registry/pods/default/a')).toEqual(kv);
    });

    it('create of an existing key throws KeyExistsError and writes nothing', async () => {
      await log.create('/a', 'v1');
      await expect(log.create('/a', 'v2')).rejects.toBeInstanceOf(KeyExistsError);
      expect(log.currentRevision()).toBe(1);
      expect((await log.get('/a'))?.value).toBe('v1');
    });

    it('list returns the live keys under a prefix, ordered by key, at the current revision', async () => {
      for (const key of ['/registry/pods/ns1/b', '/registry/pods/ns1/a', '/registry/pods/ns2/c', '/registry/podsx/d', '/registry/services/ns1/e']) {
        await log.create(key, key);
      }
      await log.delete('/registry/pods/ns2/c');
      const pods = await log.list('/registry/pods/');
      expect(pods.items.map((kv) => kv.key)).toEqual(['/registry/pods/ns1/a', '/registry/pods/ns1/b']);
      expect(pods.revision).toBe(6);
      expect((await log.list('/registry/pods/ns1/a')).items.map((kv) => kv.value)).toEqual(['/registry/pods/ns1/a']);
      expect((await log.list('')).items).toHaveLength(4);
      expect((await log.list('/nothing/')).items).toEqual([]);
    });

    it('update with the current revision replaces the value and keeps the create revision', async () => {
      const created = await log.create('/a', 'v1');
      await log.create('/b', 'other');
      const updated = await log.update('/a', 'v2', created.modRevision);
      expect(updated).toEqual({ key: '/a', value: 'v2', modRevision: 3, createRevision: 1 });
      expect(await log.get('/a')).toEqual(updated);
    });

    const failedWrites: Array<{ name: string; write: (log: RevisionLog) => Promise<unknown>; error: new (...args: never[]) => Error }> = [
      { name: 'update with a stale revision throws RevisionConflictError', write: (l) => l.update('/a', 'v3', 1), error: RevisionConflictError },
      { name: 'delete with a stale revision throws RevisionConflictError', write: (l) => l.delete('/a', 1), error: RevisionConflictError },
      { name: 'update of a missing key throws KeyNotFoundError', write: (l) => l.update('/missing', 'v', 1), error: KeyNotFoundError },
      { name: 'delete of a missing key throws KeyNotFoundError', write: (l) => l.delete('/missing'), error: KeyNotFoundError },
      { name: 'update of a deleted key throws KeyNotFoundError', write: (l) => l.delete('/a').then(() => l.update('/a', 'v', 3)), error: KeyNotFoundError },
    ];
    for (const { name: caseName, write, error } of failedWrites) {
      it(`${caseName} and leaves the key as it was`, async () => {
        await log.create('/a', 'v1');
        await log.update('/a', 'v2', 1);
        const before = log.currentRevision();
        const failure = await write(log).then(() => undefined, (e: unknown) => e);
        expect(failure).toBeInstanceOf(error);
        const deletedFirst = caseName.includes('deleted key');
        expect(log.currentRevision()).toBe(before + (deletedFirst ? 1 : 0));
        if (!deletedFirst) expect((await log.get('/a'))?.value).toBe('v2');
      });
    }

    it('RevisionConflictError names the expected and the actual revision', async () => {
      await log.create('/a', 'v1');
      await log.update('/a', 'v2', 1);
      await expect(log.update('/a', 'v3', 1)).rejects.toMatchObject({ key: '/a', expected: 1, actual: 2 });
    });

    it('delete returns the deleted value at the delete revision, and the key can be created again', async () => {
      await log.create('/a', 'v1');
      const deleted = await log.delete('/a', 1);
      expect(deleted).toEqual({ key: '/a', value: 'v1', modRevision: 2, createRevision: 1 });
      expect(await log.get('/a')).toBeUndefined();
      const again = await log.create('/a', 'v2');
      expect(again).toEqual({ key: '/a', value: 'v2', modRevision: 3, createRevision: 3 });
    });

    it('gives every write, failed ones excluded, a strictly increasing revision', async () => {
      const revisions: number[] = [];
      revisions.push((await log.create('/a', '1')).modRevision);
      revisions.push((await log.create('/b', '1')).modRevision);
      await expect(log.create('/a', 'x')).rejects.toThrow();
      revisions.push((await log.update('/a', '2', revisions[0])).modRevision);
      revisions.push((await log.delete('/b')).modRevision);
      expect(revisions).toEqual([1, 2, 3, 4]);
      expect(log.currentRevision()).toBe(4);
    });

    it('history returns the writes after a revision under a prefix, in order, with previous values', async () => {
      await log.create('/registry/a', 'a1'); // 1
      await log.create('/other/x', 'x1'); // 2
      await log.update('/registry/a', 'a2', 1); // 3
      await log.delete('/registry/a'); // 4
      await log.create('/registry/a', 'a3'); // 5
      const events = await log.history('/registry/', 0);
      expect(events).toEqual<StoreEvent[]>([
        { type: 'create', revision: 1, kv: { key: '/registry/a', value: 'a1', modRevision: 1, createRevision: 1 } },
        {
          type: 'update',
          revision: 3,
          kv: { key: '/registry/a', value: 'a2', modRevision: 3, createRevision: 1 },
          prev: { key: '/registry/a', value: 'a1', modRevision: 1, createRevision: 1 },
        },
        {
          type: 'delete',
          revision: 4,
          kv: { key: '/registry/a', value: 'a2', modRevision: 4, createRevision: 1 },
          prev: { key: '/registry/a', value: 'a2', modRevision: 3, createRevision: 1 },
        },
        { type: 'create', revision: 5, kv: { key: '/registry/a', value: 'a3', modRevision: 5, createRevision: 5 } },
      ]);
      expect((await log.history('/registry/', 3)).map((e) => e.revision)).toEqual([4, 5]);
      expect(await log.history('', 5)).toEqual([]);
    });

    it('history matches what subscribers saw', async () => {
      const seen: StoreEvent[] = [];
      log.subscribe((event) => seen.push(event));
      await log.create('/a', '1');
      await log.update('/a', '2', 1);
      await log.create('/b', '1');
      await log.delete('/a', 2);
      expect(await log.history('', 0)).toEqual(seen);
    });

    it('compact keeps the newest value of every live key and drops superseded history', async () => {
      await log.create('/a', 'a1'); // 1
      await log.create('/b', 'b1'); // 2
      await log.update('/a', 'a2', 1); // 3
      await log.delete('/b'); // 4
      await log.create('/c', 'c1'); // 5
      await log.update('/c', 'c2', 5); // 6
      await log.compact(5);
      expect(log.compactedRevision()).toBe(5);
      expect(log.currentRevision()).toBe(6);
      expect((await log.list('')).items).toEqual([
        { key: '/a', value: 'a2', modRevision: 3, createRevision: 1 },
        { key: '/c', value: 'c2', modRevision: 6, createRevision: 5 },
      ]);
      // The write above the compacted revision still reports its previous value.
      expect(await log.history('', 5)).toEqual([
        {
          type: 'update',
          revision: 6,
          kv: { key: '/c', value: 'c2', modRevision: 6, createRevision: 5 },
          prev: { key: '/c', value: 'c1', modRevision: 5, createRevision: 5 },
        },
      ]);
      await log.update('/a', 'a3', 3);
      expect(log.currentRevision()).toBe(7);
    });

    it('history before the compacted revision throws CompactedError naming both revisions', async () => {
      for (let i = 0; i < 5; i++) await log.create(`/k${i}`, 'v');
      await log.compact(3);
      await expect(log.history('', 2)).rejects.toBeInstanceOf(CompactedError);
      await expect(log.history('', 0)).rejects.toMatchObject({ requested: 0, compacted: 3 });
      expect((await log.history('', 3)).map((e) => e.revision)).toEqual([4, 5]);
    });

    it('compact never goes past the newest revision nor backwards', async () => {
      await log.create('/a', '1');
      await log.compact(10);
      expect(log.compactedRevision()).toBe(1);
      await log.create('/b', '1');
      await log.compact(0);
      expect(log.compactedRevision()).toBe(1);
      expect((await log.list('')).items.map((kv) => kv.key)).toEqual(['/a', '/b']);
    });

    it('calls subscribers synchronously, in revision order, before the write resolves', async () => {
      const seen: number[] = [];
      log.subscribe((event) => seen.push(event.revision));
      const kv = await log.create('/a', '1');
      expect(seen).toEqual([kv.modRevision]);
      const writes = [log.update('/a', '2', 1), log.create('/b', '1'), log.delete('/b')];
      const observed = writes.map((w) => w.then((result) => ({ result, seenThen: [...seen] })));
      const results = await Promise.all(observed);
      for (const { result, seenThen } of results) expect(seenThen).toContain(result.modRevision);
      expect(seen).toEqual([1, 2, 3, 4]);
    });

    it('stops calling a subscriber after it unsubscribes', async () => {
      const seen: number[] = [];
      const unsubscribe = log.subscribe((event) => seen.push(event.revision));
      await log.create('/a', '1');
      unsubscribe();
      await log.create('/b', '1');
      expect(seen).toEqual([1]);
    });

    it('commits a write even when a subscriber throws, and still calls the others', async () => {
      log.subscribe(() => {
        throw new Error('subscriber failure (expected by the test)');
      });
      const seen: number[] = [];
      log.subscribe((event) => seen.push(event.revision));
      await expect(log.create('/a', '1')).resolves.toMatchObject({ modRevision: 1 });
      expect(seen).toEqual([1]);
      expect((await log.get('/a'))?.value).toBe('1');
    });

    it('orders many concurrent writes: all succeed with distinct, contiguous revisions', async () => {
      const seen: number[] = [];
      log.subscribe((event) => seen.push(event.revision));
      const count = 200;
      const results = await Promise.all(Array.from({ length: count }, (_, i) => log.create(`/k/${String(i).padStart(3, '0')}`, `v${i}`)));
      const revisions = results.map((kv) => kv.modRevision).sort((a, b) => a - b);
      expect(revisions).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(seen).toEqual(revisions);
      expect((await log.list('/k/')).items).toHaveLength(count);
    });

    it('never shows a write in history or list before its subscribers heard of it', async () => {
      const seen = new Set<number>();
      log.subscribe((event) => seen.add(event.revision));
      const checks: Promise<void>[] = [];
      for (let i = 0; i < 50; i++) {
        checks.push(log.create(`/r/${i}`, 'v').then(() => undefined));
        checks.push(log.history('/r/', 0).then((events) => events.forEach((e) => expect(seen.has(e.revision)).toBe(true))));
        checks.push(log.list('/r/').then((listed) => listed.items.forEach((kv) => expect(seen.has(kv.modRevision)).toBe(true))));
      }
      await Promise.all(checks);
    });

    it('lets exactly one of many concurrent updates at the same revision win', async () => {
      const created = await log.create('/a', 'v0');
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => log.update('/a', `v${i + 1}`, created.modRevision)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(RevisionConflictError);
    });
  });
}
