import { errors } from '../errors.ts';
import { objectKey } from '../storage/keys.ts';
import { servedView } from '../storage/served-view.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { negotiate, renderTable, partialMetadata } from './render.ts';

/** GET of one object, served from the watch cache. */
export function handleGet(deps: ApiDeps, req: ApiRequest): { status: number; body: string | Record<string, unknown> } {
  const info = req.resource;
  const stored = deps.cache.get(objectKey(info, req.info.namespace, req.info.name));
  if (!stored) throw errors.notFound(info.resource, info.group, req.info.name);
  const cached = servedView(info, stored);
  const n = negotiate(req.headers.get('accept'));
  if (n.as === 'Table') {
    return {
      status: 200,
      body: renderTable({
        info,
        items: [cached.obj],
        now: deps.now(),
        includeObject: req.query.get('includeObject'),
        resourceVersion: cached.obj.metadata.resourceVersion ?? '',
        version: n.version,
      }),
    };
  }
  if (n.as === 'PartialObjectMetadata' || n.as === 'PartialObjectMetadataList') {
    return { status: 200, body: partialMetadata(cached.obj, n.version) };
  }
  return { status: 200, body: cached.json };
}
