import { apiErrorFrom } from './api-error.ts';
import type { KubeObject, ObjectList, Status } from './object.ts';
import { resourcePath, type ResourceType } from './resource-paths.ts';
import type { QueryValue, Transport, TransportRequest } from './transport.ts';
import { watchEvents, type WatchEvent } from './watch-events.ts';

export interface ReadOptions {
  namespace?: string;
  signal?: AbortSignal;
}

export interface ListOptions extends ReadOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact';
}

export interface WatchOptions extends ReadOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Changes after this version; '' or '0' start with the current state as ADDED events. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  /** The server closes the watch after this long (kube-apiserver picks 30-60 min when unset). */
  timeoutSeconds?: number;
}

export interface WriteOptions extends ReadOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface PatchOptions extends WriteOptions {
  name: string;
  type: PatchType;
  /** A JSON Patch array, a merge or strategic-merge document, or the applied configuration. */
  patch: unknown;
  /** Server-side apply only: take over fields other managers own. */
  force?: boolean;
  subresource?: 'status' | 'scale';
}

export interface DeleteOptions extends ReadOptions {
  name: string;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** The Content-Type naming each patch strategy, as kube-apiserver dispatches on it. */
const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/**
 * A typed client for one resource over any Transport (client-go's dynamic client, one
 * resource at a time). Non-2xx answers throw ApiError.
 *
 * @example
 * const pods = new ResourceClient<Pod>({ transport, type: { group: '', version: 'v1', resource: 'pods', namespaced: true } });
 * const list = await pods.list({ namespace: 'default', labelSelector: 'app=web' });
 */
export class ResourceClient<T extends KubeObject = KubeObject> {
  readonly type: ResourceType;
  private readonly transport: Transport;

  constructor(options: { transport: Transport; type: ResourceType }) {
    this.transport = options.transport;
    this.type = options.type;
  }

  get(options: ReadOptions & { name: string }): Promise<T> {
    return this.send({ method: 'GET', path: resourcePath(this.type, options), signal: options.signal });
  }

  list(options: ListOptions = {}): Promise<ObjectList<T>> {
    return this.send({
      method: 'GET',
      path: resourcePath(this.type, { namespace: options.namespace }),
      query: {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: options.limit !== undefined ? String(options.limit) : undefined,
        continue: options.continue,
        resourceVersion: options.resourceVersion,
        resourceVersionMatch: options.resourceVersionMatch,
      },
      signal: options.signal,
    });
  }

  /** Creates `obj` in its own namespace unless `options.namespace` names one. */
  create(obj: T, options: WriteOptions = {}): Promise<T> {
    return this.send({
      method: 'POST',
      path: resourcePath(this.type, { namespace: this.namespaceOf(obj, options) }),
      query: writeQuery(options),
      body: obj,
      signal: options.signal,
    });
  }

  /** Replaces the object (PUT); its metadata.resourceVersion makes the write conditional. */
  update(obj: T, options: WriteOptions = {}): Promise<T> {
    return this.put(obj, options);
  }

  /** Replaces the status subresource only: the server ignores changes elsewhere. */
  updateStatus(obj: T, options: WriteOptions = {}): Promise<T> {
    return this.put(obj, options, 'status');
  }

  patch(options: PatchOptions): Promise<T> {
    if (options.type === 'apply' && !options.fieldManager) throw new Error('an apply patch needs a fieldManager');
    if (options.force !== undefined && options.type !== 'apply') throw new Error('force applies to apply patches only');
    return this.send({
      method: 'PATCH',
      path: resourcePath(this.type, { namespace: options.namespace, name: options.name, subresource: options.subresource }),
      query: { ...writeQuery(options), force: options.force !== undefined ? String(options.force) : undefined },
      body: options.patch,
      contentType: PATCH_CONTENT_TYPES[options.type],
      signal: options.signal,
    });
  }

  /**
   * Deletes with DeleteOptions in the body, as kubectl sends them. The answer is the object
   * (still present when finalizers hold it, with deletionTimestamp set) or a Success Status.
   */
  delete(options: DeleteOptions): Promise<T | Status> {
    const preconditions = options.preconditions && Object.keys(options.preconditions).length > 0 ? options.preconditions : undefined;
    return this.send({
      method: 'DELETE',
      path: resourcePath(this.type, options),
      body: {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        ...(options.propagationPolicy ? { propagationPolicy: options.propagationPolicy } : {}),
        ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
        ...(preconditions ? { preconditions } : {}),
        ...(options.dryRun ? { dryRun: ['All'] } : {}),
      },
      signal: options.signal,
    });
  }

  /**
   * Streams the changes of the collection. The request is sent on the first `next()`; the
   * iteration ends when the server closes the watch, and throws ApiError on an error answer
   * or an ERROR event (410 Expired: the resourceVersion is compacted, re-list).
   */
  async *watch(options: WatchOptions = {}): AsyncGenerator<WatchEvent<T>> {
    const response = await this.transport.request({
      method: 'GET',
      path: resourcePath(this.type, { namespace: options.namespace }),
      query: {
        watch: 'true',
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        resourceVersion: options.resourceVersion,
        allowWatchBookmarks: options.allowWatchBookmarks ? 'true' : undefined,
        timeoutSeconds: options.timeoutSeconds !== undefined ? String(options.timeoutSeconds) : undefined,
      },
      signal: options.signal,
    });
    if (!response.ok) throw await apiErrorFrom(response);
    if (!response.body) return;
    yield* watchEvents<T>(response.body);
  }

  private put(obj: T, options: WriteOptions, subresource?: 'status'): Promise<T> {
    const name = obj.metadata.name;
    if (!name) throw new Error(`cannot update a ${this.type.resource} without metadata.name`);
    return this.send({
      method: 'PUT',
      path: resourcePath(this.type, { namespace: this.namespaceOf(obj, options), name, subresource }),
      query: writeQuery(options),
      body: obj,
      signal: options.signal,
    });
  }

  private namespaceOf(obj: T, options: ReadOptions): string | undefined {
    return this.type.namespaced ? options.namespace ?? obj.metadata.namespace : undefined;
  }

  private async send<R>(req: TransportRequest): Promise<R> {
    const response = await this.transport.request(req);
    if (!response.ok) throw await apiErrorFrom(response);
    return (await response.json()) as R;
  }
}

function writeQuery(options: WriteOptions): Record<string, QueryValue> {
  return {
    dryRun: options.dryRun ? 'All' : undefined,
    fieldManager: options.fieldManager,
    fieldValidation: options.fieldValidation,
  };
}
