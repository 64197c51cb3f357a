import { errors, StatusError } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { apiVersionOf } from '../meta/object.ts';
import type { CacheEvent, CachedObject } from '../storage/watch-cache.ts';
import { CompactedError } from '../../store/types.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { buildFilter, type Filter } from './filter.ts';
import { tooLargeResourceVersion } from './list-options.ts';
import { queryBool } from '../http/query-bool.ts';
import { servedView } from '../storage/served-view.ts';
import { negotiate, renderTable, partialMetadata, type Rendering } from './render.ts';

export interface WatchTuning {
  /** How often a BOOKMARK is sent to clients that allow them (upstream: about a minute). */
  bookmarkIntervalMs: number;
  /** A watcher with this many unsent bytes is dropped rather than allowed to slow writes. */
  maxBufferedBytes: number;
}

export const defaultWatchTuning: WatchTuning = { bookmarkIntervalMs: 60_000, maxBufferedBytes: 16 * 1024 * 1024 };

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
const encoder = new TextEncoder();

/**
 * A watch as kube-apiserver serves it: optional initial state, then every change after the
 * requested resourceVersion, one JSON event per line, with bookmarks and selector transitions
 * (an object that stops matching is sent as DELETED, one that starts matching as ADDED).
 */
export function handleWatch(deps: ApiDeps, req: ApiRequest, tuning: WatchTuning = defaultWatchTuning): Response {
  const info = req.resource;
  const q = req.query;
  const rvText = q.get('resourceVersion') ?? '';
  if (rvText !== '' && !/^\d+$/.test(rvText)) throw errors.badRequest(`invalid resource version: "${rvText}"`);
  const allowBookmarks = queryBool(q, 'allowWatchBookmarks') === true;
  const sendInitialText = q.get('sendInitialEvents');
  const sendInitial = queryBool(q, 'sendInitialEvents') === true;
  if (sendInitialText !== null && (q.get('resourceVersionMatch') !== 'NotOlderThan' || !allowBookmarks)) {
    throw errors.invalid('ListOptions', 'meta.k8s.io', '', [
      { reason: 'FieldValueForbidden', field: 'sendInitialEvents', message: 'Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled and resourceVersionMatch is NotOlderThan and allowWatchBookmarks is true' },
    ]);
  }
  const timeoutSeconds = q.get('timeoutSeconds') !== null ? Number(q.get('timeoutSeconds')) : 1800 + Math.floor(Math.random() * 1800);
  const filter = buildFilter(deps, req);
  const n = negotiate(req.headers.get('accept'));
  const groupVersion = apiVersionOf(info.group, info.version);
  // Plain JSON watchers of an unconverted resource all send the same bytes for an event.
  const plain = n.as === 'json' && !info.conversion;
  const requestedRv = rvText === '' ? 0 : Number(rvText);
  // The cache is always current (one writer), so a newer revision was never written here:
  // kube-apiserver answers such watches with "Too large resource version" once its wait runs out.
  if (requestedRv > deps.cache.currentRevision) throw tooLargeResourceVersion(requestedRv, deps.cache.currentRevision);
  const fromState = rvText === '' || rvText === '0' || sendInitial;
  const render = (storedObj: KubeObject, storedJson: string): string => {
    const { obj, json } = servedView(info, { obj: storedObj, json: storedJson });
    if (n.as === 'Table') {
      return JSON.stringify(renderTable({ info, items: [obj], now: deps.now(), includeObject: q.get('includeObject'), resourceVersion: obj.metadata.resourceVersion ?? '', version: n.version }));
    }
    if (n.as !== 'json') return JSON.stringify(partialMetadata(obj, n.version));
    return json;
  };

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastRevision = 0;
      const sendBytes = (bytes: Uint8Array) => {
        if (closed) return;
        controller.enqueue(bytes);
        if ((controller.desiredSize ?? 0) < -tuning.maxBufferedBytes) close(); // too slow: drop, the client re-lists
      };
      const send = (type: WatchType, json: string) => sendBytes(encoder.encode(`{"type":"${type}","object":${json}}\n`));
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      const bookmark = (extra?: Record<string, string>) =>
        send('BOOKMARK', JSON.stringify({ kind: info.kind, apiVersion: groupVersion, metadata: { resourceVersion: String(lastRevision), ...(extra ? { annotations: extra } : {}) } }));
      const deliver = (e: CacheEvent) => {
        if (e.revision <= lastRevision) return;
        lastRevision = e.revision;
        const type = transition(filter, e);
        if (!type) return;
        if (plain && type === e.type) return sendBytes(sharedLine(e));
        send(type, render(e.object.obj, e.object.json));
      };

      // Subscribe first and replay second, in one synchronous step, so no event falls between.
      let buffered: CacheEvent[] | undefined = [];
      const unsubscribe = deps.cache.subscribe(filter.resourcePrefix, (e) => (buffered ? buffered.push(e) : deliver(e)));
      const bookmarkTimer = allowBookmarks ? setInterval(() => bookmark(), tuning.bookmarkIntervalMs) : undefined;
      const timeout = setTimeout(close, Math.max(0, timeoutSeconds) * 1000);
      cleanup = () => {
        unsubscribe();
        if (bookmarkTimer) clearInterval(bookmarkTimer);
        clearTimeout(timeout);
      };
      req.signal.addEventListener('abort', close, { once: true });

      const flush = () => {
        const pending = buffered ?? [];
        buffered = undefined;
        for (const e of pending) deliver(e);
      };
      if (fromState) {
        lastRevision = deps.cache.currentRevision;
        for (const c of filter.select(deps)) send('ADDED', render(c.obj, c.json));
        if (sendInitial) bookmark({ 'k8s.io/initial-events-end': 'true' });
        flush();
        return;
      }
      lastRevision = requestedRv;
      const fromWindow = deps.cache.eventsSince(filter.resourcePrefix, requestedRv);
      if (fromWindow) {
        for (const e of fromWindow) deliver(e);
        flush();
        return;
      }
      // Older than the in-memory window: read the store's history (410 once compacted).
      deps.store.history(filter.resourcePrefix, requestedRv).then(
        (events) => {
          const previous = new Map<string, CachedObject>();
          for (const se of events) {
            const obj = JSON.parse(se.kv.value) as KubeObject;
            obj.metadata.resourceVersion = String(se.revision);
            const object = { key: se.kv.key, obj, json: JSON.stringify(obj), revision: se.revision };
            const prev = previous.get(se.kv.key) ?? (se.prev ? decode(se.prev.key, se.prev.value, se.prev.modRevision) : undefined);
            deliver({ type: se.type === 'create' ? 'ADDED' : se.type === 'update' ? 'MODIFIED' : 'DELETED', key: se.kv.key, revision: se.revision, object, prev });
            previous.set(se.kv.key, object);
          }
          flush();
        },
        (err) => {
          const status = err instanceof CompactedError
            ? new StatusError(410, 'Expired', `too old resource version: ${requestedRv} (${err.compacted + 1})`)
            : errors.internal((err as Error).message);
          send('ERROR', JSON.stringify(status.toStatus()));
          close();
        },
      );
    },
    cancel() {
      cleanup();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, private' } });
}

/**
 * The encoded line of an event as its own type, made once and shared by every plain watcher:
 * with a thousand watchers, encoding per watcher dominated the fan-out.
 */
const sharedLines = new WeakMap<CacheEvent, Uint8Array>();
function sharedLine(e: CacheEvent): Uint8Array {
  let line = sharedLines.get(e);
  if (!line) {
    line = encoder.encode(`{"type":"${e.type}","object":${e.object.json}}\n`);
    sharedLines.set(e, line);
  }
  return line;
}

function decode(key: string, value: string, revision: number): CachedObject {
  const obj = JSON.parse(value) as KubeObject;
  obj.metadata.resourceVersion = String(revision);
  return { key, obj, json: JSON.stringify(obj), revision };
}

/** The event type a filtered watcher sees (upstream's cacheWatcher.convertToWatchEvent). */
function transition(filter: Filter, e: CacheEvent): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  if (!e.key.startsWith(filter.prefix)) return undefined;
  const now = e.type !== 'DELETED' && filter.matches(e.object.obj);
  const before = e.prev ? filter.matches(e.prev.obj) : false;
  if (e.type === 'ADDED') return now ? 'ADDED' : undefined;
  if (e.type === 'DELETED') return before || filter.matches(e.object.obj) ? 'DELETED' : undefined;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}

export type { Rendering };
