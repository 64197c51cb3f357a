import { queryBool } from './query-bool.ts';

/**
 * What a request is about, parsed from its path and method as kube-apiserver's
 * RequestInfoFactory does: the resource coordinates and the verb that authorization sees.
 */
export interface ResourceRequestInfo {
  isResourceRequest: true;
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';
  apiPrefix: 'api' | 'apis';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  path: string;
}

export interface NonResourceRequestInfo {
  isResourceRequest: false;
  verb: string;
  path: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

const METHOD_VERBS: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const verb = METHOD_VERBS[method] ?? method.toLowerCase();
  const parts = path.split('/').filter((p) => p !== '');
  const nonResource: NonResourceRequestInfo = { isResourceRequest: false, verb, path };
  if (parts[0] !== 'api' && parts[0] !== 'apis') return nonResource;
  const apiPrefix = parts[0];
  let rest: string[];
  let group = '';
  let version: string;
  if (apiPrefix === 'api') {
    if (parts.length < 3) return nonResource; // /api, /api/v1 are discovery
    version = parts[1];
    rest = parts.slice(2);
  } else {
    if (parts.length < 4) return nonResource; // /apis, /apis/g, /apis/g/v
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  }
  let watchPath = false;
  // Deprecated /watch/ paths, still served upstream.
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = decodeURIComponent(rest[1]);
    rest = rest.slice(2);
  } else if (rest[0] === 'namespaces' && rest.length >= 2) {
    // /api/v1/namespaces/{name}[/status|finalize]: the namespace object itself.
    namespace = decodeURIComponent(rest[1]);
  }
  const resource = rest[0] ?? '';
  const name = rest[1] !== undefined ? decodeURIComponent(rest[1]) : '';
  const subresource = rest.slice(2).join('/');
  let v = verb as ResourceRequestInfo['verb'];
  if (method === 'GET' || method === 'HEAD') {
    const watching = watchPath || queryBool(query, 'watch') === true;
    v = name ? (watching ? 'watch' : 'get') : watching ? 'watch' : 'list';
    if (watchPath && name) v = 'watch';
  } else if (method === 'DELETE' && !name) {
    v = 'deletecollection';
  }
  return { isResourceRequest: true, verb: v, apiPrefix, group, version, namespace, resource, name, subresource, path };
}

