import { errors } from '../errors.ts';
import { json } from './respond.ts';
import type { ApiDeps, ApiRequest } from '../handlers/deps.ts';
import { handleGet } from '../handlers/get.ts';
import { handleList } from '../handlers/list.ts';
import { handleWatch } from '../handlers/watch.ts';
import { handleCreate, type WriteResult } from '../handlers/create.ts';
import { handleUpdate } from '../handlers/update.ts';
import { handlePatch } from '../handlers/patch.ts';
import { handleDelete, handleDeleteCollection } from '../handlers/delete.ts';
import { handleScale } from '../handlers/scale.ts';
import { handleFinalize } from '../handlers/finalize.ts';
import { subresourceHandlers } from '../handlers/subresources.ts';
import { virtualHandlers } from '../handlers/virtual.ts';
import { qualifiedName } from '../resources/registry.ts';

/** Dispatches a resource request by subresource and verb to its handler. */
export async function routeResourceRequest(deps: ApiDeps, req: ApiRequest): Promise<Response> {
  const { verb, subresource, name } = req.info;
  const info = req.resource;
  const virtual = virtualHandlers[qualifiedName(info)];
  if (virtual) {
    if (verb !== 'create') throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
    return write(await virtual(deps, req));
  }
  if (subresource) {
    if (!info.subresources.includes(subresource)) throw errors.noResource(`the server could not find the requested resource`);
    // CSR approval writes only status (its conditions), like a status write.
    if (subresource === 'status' || subresource === 'approval') return plainOrWrite(deps, req, verb);
    if (subresource === 'scale') return write(await handleScale(deps, req));
    if (subresource === 'finalize') return write(await handleFinalize(deps, req));
    const handler = subresourceHandlers[`${qualifiedName(info)}/${subresource}`];
    if (!handler) throw errors.unavailable(`${subresource} is not available: no agent serves ${qualifiedName(info)}/${subresource} yet`);
    return handler(deps, req);
  }
  if (!info.verbs.includes(verb) && !(verb === 'watch' && info.verbs.includes('list'))) {
    throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
  }
  if (verb === 'create' && name) throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
  return plainOrWrite(deps, req, verb);
}

async function plainOrWrite(deps: ApiDeps, req: ApiRequest, verb: string): Promise<Response> {
  switch (verb) {
    case 'get': {
      const r = handleGet(deps, req);
      return json(r.status, r.body);
    }
    case 'list': {
      const r = handleList(deps, req);
      return json(r.status, r.body);
    }
    case 'watch':
      return handleWatch(deps, req);
    case 'create':
      return write(await handleCreate(deps, req));
    case 'update':
      return write(await handleUpdate(deps, req));
    case 'patch':
      return write(await handlePatch(deps, req));
    case 'delete':
      return write(await handleDelete(deps, req));
    case 'deletecollection':
      return write(await handleDeleteCollection(deps, req));
    default:
      throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
  }
}

/** Write answers carry fieldValidation warnings as RFC 7234 Warning headers, as kube-apiserver does. */
function write(result: WriteResult): Response {
  const res = json(result.status, result.body);
  for (const w of result.warnings) res.headers.append('warning', `299 - ${JSON.stringify(w)}`);
  return res;
}
