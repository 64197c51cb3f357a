import type { ResourceInfo } from '../resources/types.ts';
import type { GroupVersionKind } from './definitions.ts';

/**
 * The REST operations kube-apiserver publishes for a resource, as a neutral model both
 * document builders (OpenAPI v2 and v3) render. Paths, operation ids, actions and query
 * parameters follow upstream's installer (k8s.io/apiserver/pkg/endpoints/installer.go).
 */
export type Action = 'list' | 'watchlist' | 'post' | 'get' | 'put' | 'patch' | 'delete' | 'deletecollection' | 'watch';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  action: Action;
  operationId: string;
  description: string;
  tag: string;
  gvk: GroupVersionKind;
  /** Query parameters beyond the path-level ones (name, namespace, pretty). */
  query: string[];
  /** Definition name of the request body, if any. */
  body?: string;
  bodyRequired?: boolean;
  /** Definition name of the 200 response. */
  response: string;
  /** Extra success codes besides 200 (201/202 for create, 202 for delete). */
  alsoSuccess: string[];
  consumes: string[];
  produces: string[];
}

export interface PathEntry {
  path: string;
  /** Path-level parameters, as upstream: path params plus `pretty` (not on watch paths). */
  parameters: string[];
  operations: Operation[];
}

const LIST_PARAMS = ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch'];
const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'];
const DELETE_PARAMS = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];
const JSON_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const WATCH_TYPES = [...JSON_TYPES, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const SCALE = 'io.k8s.api.autoscaling.v1.Scale';

/** `/api/v1` or `/apis/apps/v1`. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** `rbac.authorization.k8s.io` -> `RbacAuthorization`, '' -> `Core` (operation id prefix). */
function groupWord(group: string): string {
  if (group === '') return 'Core';
  return group.replace(/\.k8s\.io$/, '').split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * Upstream-style name of a custom resource definition: the reversed group, the version and
 * the kind (`com.example.v1.Widget`), as the apiextensions-apiserver publishes them.
 */
export function definitionNameOf(resource: ResourceInfo, kind = resource.kind): string {
  if (resource.definition) return kind === resource.kind ? resource.definition : resource.definition.replace(/[^.]+$/, kind);
  return `${resource.group.split('.').reverse().join('.')}.${resource.version}.${kind}`;
}

/** Every path and operation of one resource (plus its status and scale subresources). */
export function pathsOf(resource: ResourceInfo): PathEntry[] {
  const { group, version, kind } = resource;
  const base = groupVersionPath(group, version);
  const words = `${groupWord(group)}${version.charAt(0).toUpperCase()}${version.slice(1)}`;
  const tag = `${group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').replace(/\./g, '_')}_${version}`;
  const ns = resource.namespaced ? 'Namespaced' : '';
  const nsPath = resource.namespaced ? '/namespaces/{namespace}' : '';
  const def = definitionNameOf(resource);
  const listDef = definitionNameOf(resource, resource.listKind);
  const gvk = { group, version, kind };
  const verbs = new Set(resource.verbs);
  const op = (o: Omit<Operation, 'tag' | 'gvk' | 'alsoSuccess' | 'consumes' | 'produces'> & Partial<Operation>): Operation => ({
    tag, gvk, alsoSuccess: [], consumes: ['*/*'], produces: JSON_TYPES, ...o,
  });
  const entries: PathEntry[] = [];
  const pathParams = (p: string[]) => (resource.namespaced ? ['namespace', ...p] : p);

  const collection: Operation[] = [];
  if (verbs.has('list')) collection.push(op({ method: 'get', action: 'list', operationId: `list${words}${ns}${kind}`, description: `list or watch objects of kind ${kind}`, query: LIST_PARAMS, response: listDef, produces: WATCH_TYPES }));
  if (verbs.has('create')) collection.push(op({ method: 'post', action: 'post', operationId: `create${words}${ns}${kind}`, description: `create ${article(kind)}`, query: WRITE_PARAMS, body: def, bodyRequired: true, response: def, alsoSuccess: ['201', '202'] }));
  if (verbs.has('deletecollection')) collection.push(op({ method: 'delete', action: 'deletecollection', operationId: `delete${words}Collection${ns}${kind}`, description: `delete collection of ${kind}`, query: [...LIST_PARAMS.filter((p) => p !== 'watch' && p !== 'allowWatchBookmarks'), ...DELETE_PARAMS].sort(), body: `${META}.DeleteOptions`, response: `${META}.Status` }));
  if (collection.length) entries.push({ path: `${base}${nsPath}/${resource.resource}`, parameters: [...pathParams([]), 'pretty'], operations: collection });

  const item: Operation[] = [];
  if (verbs.has('get')) item.push(op({ method: 'get', action: 'get', operationId: `read${words}${ns}${kind}`, description: `read the specified ${kind}`, query: [], response: def }));
  if (verbs.has('update')) item.push(op({ method: 'put', action: 'put', operationId: `replace${words}${ns}${kind}`, description: `replace the specified ${kind}`, query: WRITE_PARAMS, body: def, bodyRequired: true, response: def, alsoSuccess: ['201'] }));
  if (verbs.has('patch')) item.push(op({ method: 'patch', action: 'patch', operationId: `patch${words}${ns}${kind}`, description: `partially update the specified ${kind}`, query: [...WRITE_PARAMS, 'force'], body: `${META}.Patch`, bodyRequired: true, response: def, alsoSuccess: ['201'], consumes: PATCH_TYPES }));
  if (verbs.has('delete')) item.push(op({ method: 'delete', action: 'delete', operationId: `delete${words}${ns}${kind}`, description: `delete ${article(kind)}`, query: DELETE_PARAMS, body: `${META}.DeleteOptions`, response: `${META}.Status`, alsoSuccess: ['202'] }));
  if (item.length) entries.push({ path: `${base}${nsPath}/${resource.resource}/{name}`, parameters: [...pathParams(['name']), 'pretty'], operations: item });

  for (const sub of resource.subresources.filter((s) => s === 'status' || s === 'scale')) {
    const Sub = sub === 'status' ? 'Status' : 'Scale';
    const subDef = sub === 'scale' ? SCALE : def;
    const subGvk = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk;
    entries.push({
      path: `${base}${nsPath}/${resource.resource}/{name}/${sub}`,
      parameters: [...pathParams(['name']), 'pretty'],
      operations: [
        op({ method: 'get', action: 'get', gvk: subGvk, operationId: `read${words}${ns}${kind}${Sub}`, description: `read ${sub} of the specified ${kind}`, query: [], response: subDef }),
        op({ method: 'put', action: 'put', gvk: subGvk, operationId: `replace${words}${ns}${kind}${Sub}`, description: `replace ${sub} of the specified ${kind}`, query: WRITE_PARAMS, body: subDef, bodyRequired: true, response: subDef, alsoSuccess: ['201'] }),
        op({ method: 'patch', action: 'patch', gvk: subGvk, operationId: `patch${words}${ns}${kind}${Sub}`, description: `partially update ${sub} of the specified ${kind}`, query: [...WRITE_PARAMS, 'force'], body: `${META}.Patch`, bodyRequired: true, response: subDef, alsoSuccess: ['201'], consumes: PATCH_TYPES }),
      ],
    });
  }

  if (verbs.has('watch')) {
    const watchEvent = `${META}.WatchEvent`;
    const watch = (path: string, params: string[], operationId: string, action: Action, description: string): PathEntry => ({
      path, parameters: params, operations: [op({ method: 'get', action, operationId, description, query: LIST_PARAMS, response: watchEvent, produces: WATCH_TYPES })],
    });
    if (resource.namespaced) {
      entries.push(watch(`${base}/${resource.resource}`, [], `list${words}${kind}ForAllNamespaces`, 'list', `list or watch objects of kind ${kind}`));
      entries[entries.length - 1]!.operations[0]!.response = listDef;
      entries.push(watch(`${base}/watch/${resource.resource}`, [], `watch${words}${kind}ListForAllNamespaces`, 'watchlist', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`));
    }
    entries.push(watch(`${base}/watch${nsPath}/${resource.resource}`, pathParams([]), `watch${words}${ns}${kind}List`, 'watchlist', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`));
    entries.push(watch(`${base}/watch${nsPath}/${resource.resource}/{name}`, pathParams(['name']), `watch${words}${ns}${kind}`, 'watch', `watch changes to an object of kind ${kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`));
  }
  return entries;
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Query and path parameter types as upstream declares them. */
export const parameterTypes: Record<string, { type: 'string' | 'integer' | 'boolean'; in: 'query' | 'path'; uniqueItems?: boolean }> = {
  allowWatchBookmarks: { type: 'boolean', in: 'query' },
  continue: { type: 'string', in: 'query' },
  dryRun: { type: 'string', in: 'query' },
  fieldManager: { type: 'string', in: 'query' },
  fieldSelector: { type: 'string', in: 'query' },
  fieldValidation: { type: 'string', in: 'query' },
  force: { type: 'boolean', in: 'query' },
  gracePeriodSeconds: { type: 'integer', in: 'query' },
  ignoreStoreReadErrorWithClusterBreakingPotential: { type: 'boolean', in: 'query' },
  labelSelector: { type: 'string', in: 'query' },
  limit: { type: 'integer', in: 'query' },
  name: { type: 'string', in: 'path' },
  namespace: { type: 'string', in: 'path' },
  orphanDependents: { type: 'boolean', in: 'query' },
  pretty: { type: 'string', in: 'query' },
  propagationPolicy: { type: 'string', in: 'query' },
  resourceVersion: { type: 'string', in: 'query' },
  resourceVersionMatch: { type: 'string', in: 'query' },
  sendInitialEvents: { type: 'boolean', in: 'query' },
  timeoutSeconds: { type: 'integer', in: 'query' },
  watch: { type: 'boolean', in: 'query' },
};

/** Definitions every document carries beside the kinds (errors, patches, watch events). */
export const commonDefinitions = [`${META}.Status`, `${META}.DeleteOptions`, `${META}.Patch`, `${META}.WatchEvent`];
