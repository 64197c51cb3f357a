import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { objectKey } from '../storage/keys.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody, checkTypeMeta } from './decode.ts';
import { parseWriteOptions, type WriteOptions } from './write-options.ts';
import { admit } from './admit.ts';
import { generateName } from './names.ts';
import { prepareForCreate } from './status-split.ts';
import { checkNamespaceForCreate } from './namespace-check.ts';
import { storeErrorToStatus } from './store-errors.ts';
import type { CachedObject } from '../storage/watch-cache.ts';
import { qualifiedName } from '../resources/registry.ts';
import { servedResult } from '../storage/served-view.ts';
import { runWriteHooks } from './write-hooks.ts';

export interface WriteResult {
  status: number;
  body: string | Record<string, unknown>;
  warnings: string[];
}

/** POST to a collection: create one object (rest.BeforeCreate + registry Store.Create). */
export async function handleCreate(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const opts = parseWriteOptions(req.query, 'CreateOptions');
  const obj = checkTypeMeta(decodeRequestBody(req), req.resource);
  const warnings: string[] = [];
  const stored = await createObject({ deps, req, obj, opts, warnings });
  return { status: 201, body: stored, warnings };
}

export interface CreateInput {
  deps: ApiDeps;
  req: ApiRequest;
  obj: KubeObject;
  opts: WriteOptions;
  warnings: string[];
  managedFieldsDone?: boolean;
}

/** The create path shared by POST, PUT-as-create and server-side apply of a new object. */
export async function createObject({ deps, req, obj: input, opts, warnings, managedFieldsDone }: CreateInput): Promise<string | KubeObject> {
  const info = req.resource;
  let obj = input;
  const meta = obj.metadata;
  if (info.namespaced) {
    const ns = req.info.namespace;
    if (meta.namespace && meta.namespace !== ns) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = ns;
  } else {
    delete meta.namespace;
  }
  if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
  if (!meta.name) {
    throw errors.invalid(info.kind, info.group, '', [
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  }
  checkNamespaceForCreate(deps, req, meta.name);
  // System fields are the server's (rest.FillObjectMetaSystemFields).
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  meta.uid = crypto.randomUUID();
  meta.creationTimestamp = rfc3339(deps.now());
  if (info.hasStatus || info.strategy) meta.generation = 1;
  else delete meta.generation;
  prepareForCreate(info, obj);
  admit({ deps, req, obj, opts, warnings, managedFieldsDone });

  if (info.conversion) obj = info.conversion.toStorage(obj);
  const key = objectKey(info, meta.namespace, meta.name);
  if (deps.cache.get(key)) throw errors.alreadyExists(info.resource, info.group, meta.name);
  const release = runWriteHooks(deps, qualifiedName(info), { obj, user: req.user });
  if (opts.dryRun) {
    release();
    return servedResult(info, obj);
  }
  let kv;
  try {
    kv = await deps.store.create(key, JSON.stringify(obj));
  } catch (err) {
    throw storeErrorToStatus(err, info, meta.name);
  } finally {
    release();
  }
  return servedResult(info, cachedAt(deps, key, kv.modRevision, obj));
}

/** The stored object as the cache serialised it (with its resourceVersion), falling back to the input. */
export function cachedAt(deps: ApiDeps, key: string, revision: number, obj: KubeObject): string {
  const cached: CachedObject | undefined = deps.cache.get(key);
  if (cached && cached.revision === revision) return cached.json;
  obj.metadata.resourceVersion = String(revision);
  return JSON.stringify(obj);
}

/** Kubernetes' metav1.Time form: RFC 3339 in UTC with second precision. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
