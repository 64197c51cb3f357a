import { errors } from '../errors.ts';
import { apiVersionOf } from '../meta/object.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { buildFilter } from './filter.ts';
import { servedView } from '../storage/served-view.ts';
import { parseListOptions, encodeContinue, tooLargeResourceVersion } from './list-options.ts';
import { negotiate, renderTable, partialMetadata } from './render.ts';

/**
 * LIST served from the watch cache. The cache is always current (one writer, synchronous
 * feed), so "most recent" and "any" reads are the same; an exact historical read of an
 * older revision answers 410 as upstream does once etcd has compacted it.
 */
export function handleList(deps: ApiDeps, req: ApiRequest): { status: number; body: string | Record<string, unknown> } {
  const info = req.resource;
  const opts = parseListOptions(req.query);
  const current = deps.cache.currentRevision;
  if (opts.resourceVersion !== '' && opts.resourceVersion !== '0') {
    const requested = Number(opts.resourceVersion);
    if (requested > current) throw tooLargeResourceVersion(requested, current);
    if (opts.resourceVersionMatch === 'Exact' && requested !== current) {
      throw errors.gone(`The resourceVersion for the provided list is too old.`);
    }
  }
  const filter = buildFilter(deps, req);
  let matched = filter.select(deps).map((c) => ({ key: c.key, ...servedView(info, c) }));
  if (opts.continueFrom) {
    const start = opts.continueFrom.start;
    matched = matched.filter((c) => c.key >= start);
  }
  // The list's revision: a continued list keeps the first page's, as upstream does.
  const listRevision = opts.continueFrom?.rv ?? current;
  let continueToken: string | undefined;
  let remaining: number | undefined;
  if (opts.limit > 0 && matched.length > opts.limit) {
    const next = matched[opts.limit];
    continueToken = encodeContinue(listRevision, next.key);
    if (!filter.selective) remaining = matched.length - opts.limit;
    matched = matched.slice(0, opts.limit);
  }
  const n = negotiate(req.headers.get('accept'));
  const resourceVersion = String(listRevision);
  if (n.as === 'Table') {
    return {
      status: 200,
      body: renderTable({
        info,
        items: matched.map((c) => c.obj),
        now: deps.now(),
        includeObject: req.query.get('includeObject'),
        resourceVersion,
        continueToken,
        remainingItemCount: remaining,
        version: n.version,
      }),
    };
  }
  const metadata: Record<string, unknown> = { resourceVersion };
  if (continueToken) metadata.continue = continueToken;
  if (remaining !== undefined) metadata.remainingItemCount = remaining;
  if (n.as === 'PartialObjectMetadata' || n.as === 'PartialObjectMetadataList') {
    return {
      status: 200,
      body: { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${n.version}`, metadata, items: matched.map((c) => partialMetadata(c.obj, n.version)) },
    };
  }
  // Cached objects are already serialised: splice them in rather than re-encoding 5,000 pods.
  const head = JSON.stringify({ kind: info.listKind, apiVersion: apiVersionOf(info.group, info.version), metadata });
  const body = `${head.slice(0, -1)},"items":[${matched.map((c) => c.json).join(',')}]}`;
  return { status: 200, body };
}
