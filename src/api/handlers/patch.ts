import { errors, StatusError } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { objectKey } from '../storage/keys.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { checkTypeMeta } from './decode.ts';
import { checkDepth } from './json-depth.ts';
import { parseWriteOptions, type WriteOptions } from './write-options.ts';
import { createObject, type WriteResult } from './create.ts';
import { updateObject } from './update.ts';
import { applyPatch } from '../patch/index.ts';
import { serverSideApply, parseApplyBody } from '../apply/index.ts';

const APPLY = 'application/apply-patch+yaml';
const MAX_CONFLICT_RETRIES = 5;

/** PATCH of an object or its status: the four patch types of kube-apiserver's patch handler. */
export async function handlePatch(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const opts = parseWriteOptions(req.query, 'PatchOptions');
  const media = req.contentType.split(';')[0].trim().toLowerCase();
  if (media === APPLY) return applyHandler(deps, req, opts);
  if (opts.force) throw errors.badRequest('force may only be specified with apply patches');
  if (req.body === undefined || req.body.trim() === '') throw errors.badRequest('the body of the request was empty');
  let patch: unknown;
  try {
    patch = JSON.parse(req.body);
  } catch (err) {
    throw errors.badRequest(`error decoding patch: ${(err as Error).message}`);
  }
  checkDepth(patch);
  const info = req.resource;
  const key = objectKey(info, req.info.namespace, req.info.name);
  const schema = deps.schemas(info.group, info.version, info.kind);
  for (let attempt = 0; ; attempt++) {
    const old = deps.cache.get(key);
    if (!old) throw errors.notFound(info.resource, info.group, req.info.name);
    const current = info.conversion ? info.conversion.fromStorage(structuredClone(old.obj)) : structuredClone(old.obj);
    const patched = applyPatch({ contentType: media, doc: current, patch, schema }) as Record<string, unknown>;
    const obj = checkTypeMeta(patched, info);
    if (obj.metadata.name !== req.info.name) throw errors.badRequest('metadata.name: Invalid value: the name may not be changed by a patch');
    const warnings: string[] = [];
    const pinned = obj.metadata.resourceVersion !== old.obj.metadata.resourceVersion;
    try {
      const body = await updateObject({ deps, req, obj, old, opts, warnings });
      return { status: 200, body, warnings };
    } catch (err) {
      // A patch without its own resourceVersion applies to whatever is current: retry on a race.
      if (!pinned && attempt < MAX_CONFLICT_RETRIES && err instanceof StatusError && err.reason === 'Conflict') continue;
      throw err;
    }
  }
}

async function applyHandler(deps: ApiDeps, req: ApiRequest, opts: WriteOptions): Promise<WriteResult> {
  if (!opts.fieldManager) {
    throw errors.invalid('PatchOptions', 'meta.k8s.io', '', [
      { reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' },
    ]);
  }
  const info = req.resource;
  const applied = parseApplyBody(req.body ?? '') as KubeObject;
  checkDepth(applied);
  checkTypeMeta(applied as unknown as Record<string, unknown>, info);
  if (applied.metadata.name && applied.metadata.name !== req.info.name) {
    throw errors.badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${req.info.name})`);
  }
  applied.metadata.name = req.info.name;
  if (info.namespaced) {
    if (applied.metadata.namespace && applied.metadata.namespace !== req.info.namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    applied.metadata.namespace = req.info.namespace;
  }
  const schema = deps.schemas(info.group, info.version, info.kind);
  const key = objectKey(info, req.info.namespace, req.info.name);
  for (let attempt = 0; ; attempt++) {
    const old = deps.cache.get(key);
    const { object } = serverSideApply({
      live: old ? structuredClone(old.obj) : undefined,
      applied: structuredClone(applied),
      manager: opts.fieldManager,
      force: opts.force,
      schema,
      apiVersion: applied.apiVersion ?? '',
      now: deps.now(),
    });
    const warnings: string[] = [];
    try {
      if (!old) {
        const body = await createObject({ deps, req, obj: object, opts, warnings, managedFieldsDone: true });
        return { status: 201, body, warnings };
      }
      const body = await updateObject({ deps, req, obj: object, old, opts, warnings, managedFieldsDone: true });
      return { status: 200, body, warnings };
    } catch (err) {
      const retriable = err instanceof StatusError && (err.reason === 'Conflict' || err.reason === 'AlreadyExists') && !applied.metadata.resourceVersion;
      if (retriable && attempt < MAX_CONFLICT_RETRIES) continue;
      throw err;
    }
  }
}
