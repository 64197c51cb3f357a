import { keyOf } from '../storage/keys.ts';
import { errors } from '../errors.ts';
import { qualifiedName } from '../resources/registry.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';

/**
 * As upstream's NamespaceLifecycle admission: objects may not be created in a namespace
 * that does not exist (404) or is being terminated (403).
 */
export function checkNamespaceForCreate(deps: ApiDeps, req: ApiRequest, name: string): void {
  const info = req.resource;
  if (!info.namespaced) return;
  const ns = req.info.namespace;
  const cached = deps.cache.get(keyOf('namespaces', undefined, ns));
  if (!cached) throw errors.notFound('namespaces', '', ns);
  const phase = (cached.obj.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Terminating' || cached.obj.metadata.deletionTimestamp) {
    throw errors.forbidden(`${qualifiedName(info)} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
  }
}
