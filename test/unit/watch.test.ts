import { describe, expect, it } from 'vitest';
import { memoryApi, readEvents } from './api-harness.ts';
import { handleCreate } from '../../src/api/handlers/create.ts';
import { handlePatch } from '../../src/api/handlers/patch.ts';
import { handleWatch } from '../../src/api/handlers/watch.ts';
import { WatchCache } from '../../src/api/storage/watch-cache.ts';

const CMS = '/api/v1/namespaces/default/configmaps';

async function create(api: Awaited<ReturnType<typeof memoryApi>>, name: string, labels: Record<string, string> = {}): Promise<number> {
  const r = await handleCreate(api.deps, api.request('POST', CMS, { body: { metadata: { name, labels } } }));
  const body = typeof r.body === 'string' ? JSON.parse(r.body) : r.body;
  return Number(body.metadata.resourceVersion);
}

describe('watch', () => {
  it('sends the current state as ADDED when no resourceVersion is given, then live changes', async () => {
    const api = await memoryApi();
    await create(api, 'a');
    const res = handleWatch(api.deps, api.request('GET', `${CMS}?watch=true`));
    await create(api, 'b');
    const events = await readEvents(res, 2);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b']);
  });

  it('replays every change after the given resourceVersion, in order', async () => {
    const api = await memoryApi();
    const rv = await create(api, 'a');
    await create(api, 'b');
    await handlePatch(api.deps, api.request('PATCH', `${CMS}/a`, { body: { data: { x: '1' } }, contentType: 'application/merge-patch+json' }));
    const events = await readEvents(handleWatch(api.deps, api.request('GET', `${CMS}?watch=true&resourceVersion=${rv}`)), 2);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b', 'MODIFIED a']);
  });

  it('turns a label change that leaves or enters the selector into DELETED or ADDED', async () => {
    const api = await memoryApi();
    const rv = await create(api, 'a', { tier: 'web' });
    const watch = handleWatch(api.deps, api.request('GET', `${CMS}?watch=true&labelSelector=tier%3Dweb&resourceVersion=${rv}`));
    await handlePatch(api.deps, api.request('PATCH', `${CMS}/a`, { body: { metadata: { labels: { tier: 'db' } } }, contentType: 'application/merge-patch+json' }));
    await handlePatch(api.deps, api.request('PATCH', `${CMS}/a`, { body: { metadata: { labels: { tier: 'web' } } }, contentType: 'application/merge-patch+json' }));
    const events = await readEvents(watch, 2);
    expect(events.map((e) => e.type)).toEqual(['DELETED', 'ADDED']);
  });

  it('answers an ERROR event with 410 Expired for a compacted resourceVersion', async () => {
    const api = await memoryApi();
    const old = await create(api, 'a');
    for (let i = 0; i < 5; i++) await handlePatch(api.deps, api.request('PATCH', `${CMS}/a`, { body: { data: { i: String(i) } }, contentType: 'application/merge-patch+json' }));
    await api.store.compact(api.store.currentRevision());
    // A fresh cache (as after a restart) has no window, so the watch must read the store's history.
    const fresh = new WatchCache(api.store);
    await fresh.start();
    const [error] = await readEvents(handleWatch({ ...api.deps, cache: fresh }, api.request('GET', `${CMS}?watch=true&resourceVersion=${old}`)), 1);
    expect(error.type).toBe('ERROR');
    expect(error.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(error.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('sends a bookmark marking the end of initial events when asked to', async () => {
    const api = await memoryApi();
    await create(api, 'a');
    const res = handleWatch(api.deps, api.request('GET', `${CMS}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`));
    const events = await readEvents(res, 2);
    expect(events[0].type).toBe('ADDED');
    expect(events[1]).toMatchObject({ type: 'BOOKMARK', object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } } });
  });
});
