import { MemoryRevisionLog } from '../../src/store/memory/memory-revision-log.ts';
import { WatchCache } from '../../src/api/storage/watch-cache.ts';
import { ResourceRegistry } from '../../src/api/resources/registry.ts';
import { builtinSchemaLookup } from '../../src/api/schema/builtin-schemas.ts';
import { createBuiltinStrategies } from '../../src/api/admission/index.ts';
import { ensureBootstrapObjects, systemNamespaces } from '../../src/api/bootstrap.ts';
import { parseRequestInfo, type ResourceRequestInfo } from '../../src/api/http/request-info.ts';
import type { ApiDeps, ApiRequest } from '../../src/api/handlers/deps.ts';

/** Handlers over an in-memory store, without HTTP: for unit tests of the request logic. */
export async function memoryApi(now = () => new Date('2026-01-01T00:00:00Z')): Promise<{ deps: ApiDeps; store: MemoryRevisionLog; request(method: string, path: string, opts?: { body?: unknown; contentType?: string; accept?: string }): ApiRequest }> {
  const store = new MemoryRevisionLog();
  await store.start();
  const cache = new WatchCache(store);
  await cache.start();
  await ensureBootstrapObjects({ store, cache, now: now(), objects: systemNamespaces() });
  const registry = new ResourceRegistry();
  const deps: ApiDeps = {
    store,
    cache,
    registry,
    schemas: builtinSchemaLookup,
    now,
    nodePortRange: { min: 30000, max: 32767 },
    strategies: createBuiltinStrategies(),
    writeHooks: {},
    access: {
      authorize: () => ({ allowed: true, reason: '' }),
      rulesFor: () => ({ rules: [], errors: [] }),
      authenticateToken: async () => undefined,
      issueServiceAccountToken: async () => ({ token: 't', expirationTimestamp: '' }),
    },
  };
  const request = (method: string, path: string, opts: { body?: unknown; contentType?: string; accept?: string } = {}): ApiRequest => {
    const url = new URL(`https://x${path}`);
    const info = parseRequestInfo(method, url.pathname, url.searchParams) as ResourceRequestInfo;
    const resource = registry.lookup(info.group, info.version, info.resource);
    if (!resource) throw new Error(`no resource for ${path}`);
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    return {
      info,
      resource,
      query: url.searchParams,
      headers: new Headers(opts.accept ? { accept: opts.accept } : {}),
      body,
      rawBody: body === undefined ? undefined : new TextEncoder().encode(body),
      contentType: opts.contentType ?? 'application/json',
      user: { username: 'test', groups: ['system:masters'] },
      signal: new AbortController().signal,
    };
  };
  return { deps, store, request };
}

/** Reads newline-delimited watch events until `count` arrived or the stream ends. */
export async function readEvents(res: Response, count: number): Promise<{ type: string; object: any }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const events: { type: string; object: any }[] = [];
  while (events.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      events.push(JSON.parse(buffered.slice(0, nl)));
      buffered = buffered.slice(nl + 1);
    }
  }
  await reader.cancel();
  return events;
}
