import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { objectKey } from '../storage/keys.ts';
import type { CachedObject } from '../storage/watch-cache.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { storeErrorToStatus } from './store-errors.ts';
import { successStatus } from '../http/respond.ts';
import { rfc3339, type WriteResult } from './create.ts';
import { buildFilter } from './filter.ts';
import { apiVersionOf } from '../meta/object.ts';
import { queryBool } from '../http/query-bool.ts';
import { lifecycleOf } from '../resources/lifecycle.ts';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from '../protobuf/decode.ts';

interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

const POLICIES = ['Foreground', 'Background', 'Orphan'];

/** DeleteOptions from the body (kubectl sends one) or the query string, validated as upstream. */
export function parseDeleteOptions(req: ApiRequest): DeleteOptions {
  let body: Record<string, unknown> = {};
  // client-go's typed clients (Helm, operators) send DeleteOptions as protobuf.
  if (req.contentType.split(';')[0].trim().toLowerCase() === PROTOBUF_MEDIA_TYPE && req.rawBody?.byteLength) {
    body = decodeKubernetesProtobuf(req.rawBody).object;
  } else if (req.body && req.body.trim() !== '') {
    try {
      body = JSON.parse(req.body);
    } catch (err) {
      throw errors.badRequest(`error decoding DeleteOptions: ${(err as Error).message}`);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('DeleteOptions must be an object');
  }
  const q = req.query;
  const grace = body.gracePeriodSeconds ?? (q.get('gracePeriodSeconds') !== null ? Number(q.get('gracePeriodSeconds')) : undefined);
  if (grace !== undefined && (typeof grace !== 'number' || !Number.isInteger(grace))) {
    throw errors.badRequest('gracePeriodSeconds must be an integer');
  }
  let policy = (body.propagationPolicy ?? q.get('propagationPolicy') ?? undefined) as string | undefined;
  const orphan = body.orphanDependents ?? queryBool(q, 'orphanDependents');
  if (policy !== undefined && !POLICIES.includes(policy)) {
    throw errors.invalid('DeleteOptions', 'meta.k8s.io', '', [
      { reason: 'FieldValueNotSupported', field: 'propagationPolicy', message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"` },
    ]);
  }
  if (policy === undefined && orphan !== undefined) policy = orphan ? 'Orphan' : 'Background';
  const dryRun = [...((body.dryRun as string[] | undefined) ?? []), ...q.getAll('dryRun')];
  return {
    gracePeriodSeconds: grace as number | undefined,
    propagationPolicy: policy as DeleteOptions['propagationPolicy'],
    preconditions: body.preconditions as DeleteOptions['preconditions'],
    dryRun: dryRun.includes('All'),
  };
}

export async function handleDelete(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const opts = parseDeleteOptions(req);
  const info = req.resource;
  const current = deps.cache.get(objectKey(info, req.info.namespace, req.info.name));
  if (!current) throw errors.notFound(info.resource, info.group, req.info.name);
  const result = await deleteObject(deps, req, current, opts);
  return { status: 200, body: result, warnings: [] };
}

/** DELETE on a collection: deletes every object the selectors match and returns them as a list. */
export async function handleDeleteCollection(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const opts = parseDeleteOptions(req);
  const info = req.resource;
  const filter = buildFilter(deps, req);
  const items: unknown[] = [];
  for (const cached of filter.select(deps)) {
    try {
      const out = await deleteObject(deps, req, cached, opts);
      items.push(typeof out === 'string' ? JSON.parse(out) : (out as { kind?: string }).kind === 'Status' ? cached.obj : out);
    } catch (err) {
      if ((err as { reason?: string }).reason !== 'NotFound') throw err;
    }
  }
  const list = {
    kind: info.listKind,
    apiVersion: apiVersionOf(info.group, info.version),
    metadata: { resourceVersion: String(deps.cache.currentRevision) },
    items,
  };
  return { status: 200, body: list, warnings: [] };
}

/**
 * Deletes one object as upstream's registry Store.Delete: preconditions, graceful deletion
 * of scheduled pods, namespace termination, finalizers (including the garbage collector's
 * orphan/foregroundDeletion), otherwise removal from the store.
 */
async function deleteObject(deps: ApiDeps, req: ApiRequest, current: CachedObject, opts: DeleteOptions): Promise<string | Record<string, unknown>> {
  const info = req.resource;
  const obj = structuredClone(current.obj) as KubeObject;
  const name = obj.metadata.name!;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw errors.conflict(info.resource, info.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw errors.conflict(info.resource, info.group, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${obj.metadata.resourceVersion}`);
  }
  const finalizers = new Set(obj.metadata.finalizers ?? []);
  if (opts.propagationPolicy === 'Orphan') finalizers.add('orphan');
  if (opts.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
  const lifecycle = lifecycleOf(info);
  const grace = lifecycle.gracePeriodSeconds(obj, opts.gracePeriodSeconds);
  const specFinalizing = lifecycle.specFinalizersPending(obj);

  if (finalizers.size > 0 || grace > 0 || specFinalizing) {
    const now = deps.now();
    if (!obj.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = rfc3339(new Date(now.getTime() + grace * 1000));
      obj.metadata.deletionGracePeriodSeconds = grace;
    } else if (grace < (obj.metadata.deletionGracePeriodSeconds ?? 0)) {
      // A shorter grace period may shorten a pending graceful deletion, never lengthen it.
      obj.metadata.deletionTimestamp = rfc3339(new Date(now.getTime() + grace * 1000));
      obj.metadata.deletionGracePeriodSeconds = grace;
    }
    obj.metadata.finalizers = [...finalizers];
    if (obj.metadata.finalizers.length === 0) delete obj.metadata.finalizers;
    if (specFinalizing) lifecycle.markTerminating(obj);
    if (opts.dryRun) return obj;
    if (JSON.stringify(obj) === current.json) return current.json;
    try {
      const copy = structuredClone(obj);
      delete copy.metadata.resourceVersion;
      const kv = await deps.store.update(current.key, JSON.stringify(copy), current.revision);
      return deps.cache.get(current.key)?.json ?? JSON.stringify({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(kv.modRevision) } });
    } catch (err) {
      throw storeErrorToStatus(err, info, name);
    }
  }
  if (!opts.dryRun) {
    try {
      await deps.store.delete(current.key, current.revision);
    } catch (err) {
      throw storeErrorToStatus(err, info, name);
    }
  }
  return successStatus({ name, group: info.group || undefined, kind: info.resource, uid: obj.metadata.uid });
}
