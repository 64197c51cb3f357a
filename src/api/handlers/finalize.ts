import { errors } from '../errors.ts';
import { objectKey } from '../storage/keys.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody, checkTypeMeta } from './decode.ts';
import { parseWriteOptions } from './write-options.ts';
import { storeErrorToStatus } from './store-errors.ts';
import type { WriteResult } from './create.ts';

/**
 * PUT /api/v1/namespaces/NAME/finalize: only spec.finalizers may change (upstream's
 * namespace finalize strategy). A terminating namespace with no finalizers left is removed.
 */
export async function handleFinalize(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  if (req.info.verb !== 'update') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
  const opts = parseWriteOptions(req.query, 'UpdateOptions');
  const info = req.resource;
  const obj = checkTypeMeta(decodeRequestBody(req), info);
  const current = deps.cache.get(objectKey(info, undefined, req.info.name));
  if (!current) throw errors.notFound(info.resource, info.group, req.info.name);
  const next = structuredClone(current.obj);
  const finalizers = (obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
  next.spec = { ...(next.spec as object), finalizers };
  if (finalizers.length === 0) delete (next.spec as { finalizers?: string[] }).finalizers;
  delete next.metadata.resourceVersion;
  if (opts.dryRun) return { status: 200, body: next, warnings: [] };
  try {
    if (next.metadata.deletionTimestamp && finalizers.length === 0 && !(next.metadata.finalizers?.length)) {
      await deps.store.delete(current.key, current.revision);
      return { status: 200, body: next, warnings: [] };
    }
    await deps.store.update(current.key, JSON.stringify(next), current.revision);
  } catch (err) {
    throw storeErrorToStatus(err, info, req.info.name);
  }
  return { status: 200, body: deps.cache.get(current.key)?.json ?? next, warnings: [] };
}
