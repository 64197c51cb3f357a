import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { objectKey } from '../storage/keys.ts';
import type { CachedObject } from '../storage/watch-cache.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody, checkTypeMeta } from './decode.ts';
import { parseWriteOptions, type WriteOptions } from './write-options.ts';
import { admit } from './admit.ts';
import { prepareForUpdate, prepareForStatusUpdate, specChanged } from './status-split.ts';
import { storeErrorToStatus } from './store-errors.ts';
import { cachedAt, type WriteResult } from './create.ts';
import { qualifiedName } from '../resources/registry.ts';
import { servedResult } from '../storage/served-view.ts';
import { runWriteHooks } from './write-hooks.ts';
import { lifecycleOf } from '../resources/lifecycle.ts';

/** PUT of an object or its status. */
export async function handleUpdate(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const opts = parseWriteOptions(req.query, 'UpdateOptions');
  const obj = checkTypeMeta(decodeRequestBody(req), req.resource);
  const warnings: string[] = [];
  const info = req.resource;
  const name = req.info.name;
  if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  }
  obj.metadata.name = name;
  const old = deps.cache.get(objectKey(info, req.info.namespace, name));
  if (!old) throw errors.notFound(info.resource, info.group, name);
  const body = await updateObject({ deps, req, obj, old, opts, warnings });
  return { status: 200, body, warnings };
}

export interface UpdateInput {
  deps: ApiDeps;
  req: ApiRequest;
  obj: KubeObject;
  old: CachedObject;
  opts: WriteOptions;
  warnings: string[];
  managedFieldsDone?: boolean;
}

/** The update path shared by PUT, PATCH and server-side apply (registry Store.Update). */
export async function updateObject({ deps, req, obj, old, opts, warnings, managedFieldsDone }: UpdateInput): Promise<string | KubeObject> {
  const info = req.resource;
  const name = old.obj.metadata.name!;
  const meta = obj.metadata;
  if (info.namespaced) {
    if (meta.namespace && meta.namespace !== req.info.namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = req.info.namespace;
  }
  const rv = meta.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.obj.metadata.resourceVersion) {
    throw errors.conflict(info.resource, info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  if (meta.uid && meta.uid !== old.obj.metadata.uid) {
    throw errors.conflict(info.resource, info.group, name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.obj.metadata.uid}`);
  }
  const oldObj = info.conversion ? info.conversion.fromStorage(structuredClone(old.obj)) : structuredClone(old.obj);
  let next: KubeObject;
  if (req.info.subresource === 'status' || req.info.subresource === 'approval') {
    next = prepareForStatusUpdate(obj, oldObj);
  } else {
    next = obj;
    // System fields are immutable through updates (rest.BeforeUpdate).
    meta.uid = oldObj.metadata.uid;
    meta.creationTimestamp = oldObj.metadata.creationTimestamp;
    if (oldObj.metadata.deletionTimestamp) {
      meta.deletionTimestamp = oldObj.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = oldObj.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (meta.managedFields === undefined) meta.managedFields = oldObj.metadata.managedFields;
    prepareForUpdate(info, next, oldObj);
    if (oldObj.metadata.generation !== undefined) {
      meta.generation = oldObj.metadata.generation + (specChanged(next, oldObj) ? 1 : 0);
    }
  }
  delete next.metadata.resourceVersion;
  admit({ deps, req, obj: next, old: oldObj, opts, warnings, managedFieldsDone });
  if (info.conversion) next = info.conversion.toStorage(next);

  const key = old.key;
  // As upstream: once deletion was requested and the last finalizer is gone, the update completes the delete.
  // Some kinds also wait for finalizers outside metadata (a namespace's spec.finalizers).
  if (next.metadata.deletionTimestamp && !(next.metadata.finalizers?.length) && !lifecycleOf(info).specFinalizersPending(next)) {
    if (opts.dryRun) return next;
    try {
      const kv = await deps.store.delete(key, old.revision);
      next.metadata.resourceVersion = String(kv.modRevision);
      return next;
    } catch (err) {
      throw storeErrorToStatus(err, info, name);
    }
  }
  const release = req.info.subresource === '' ? runWriteHooks(deps, qualifiedName(info), { obj: next, old: oldObj, user: req.user }) : () => {};
  try {
    if (unchanged(next, old.obj)) return servedResult(info, old.json);
    if (opts.dryRun) {
      next.metadata.resourceVersion = old.obj.metadata.resourceVersion;
      return servedResult(info, next);
    }
    const kv = await deps.store.update(key, JSON.stringify(next), old.revision);
    return servedResult(info, cachedAt(deps, key, kv.modRevision, next));
  } catch (err) {
    throw storeErrorToStatus(err, info, name);
  } finally {
    release();
  }
}

/** An update that changes nothing is not written (upstream skips no-op writes, keeping the resourceVersion). */
function unchanged(next: KubeObject, old: KubeObject): boolean {
  const strip = (o: KubeObject) => JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  return strip(next) === strip(old) && sameManagers(next, old);
}

function sameManagers(a: KubeObject, b: KubeObject): boolean {
  const names = (o: KubeObject) => JSON.stringify((o.metadata.managedFields ?? []).map((m) => [m.manager, m.operation, m.subresource, m.fieldsV1]));
  return names(a) === names(b);
}
