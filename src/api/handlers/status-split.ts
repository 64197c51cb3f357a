import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo } from '../resources/types.ts';
import { lifecycleOf } from '../resources/lifecycle.ts';

/**
 * The spec/status split of resources with a status subresource (upstream's
 * PrepareForCreate/PrepareForUpdate): writes to the main resource cannot change status,
 * writes to /status can change nothing but status.
 */
export function prepareForCreate(info: ResourceInfo, obj: KubeObject): void {
  if (!info.hasStatus) return;
  const status = lifecycleOf(info).statusOnCreate(obj);
  if (status === undefined) delete obj.status;
  else obj.status = status;
}

/** Returns the object to store for a main-resource update: status kept from the old object. */
export function prepareForUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject): void {
  if (!info.hasStatus) return;
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
}

/** For a /status write: everything but status (and metadata the client may not change) from the old object. */
export function prepareForStatusUpdate(obj: KubeObject, old: KubeObject): KubeObject {
  const next: KubeObject = { ...old, metadata: { ...old.metadata } };
  if (obj.status === undefined) delete next.status;
  else next.status = obj.status;
  next.metadata.resourceVersion = obj.metadata.resourceVersion;
  next.metadata.managedFields = old.metadata.managedFields;
  return next;
}

/** Whether the update changed anything beyond metadata and status: such changes bump metadata.generation. */
export function specChanged(obj: KubeObject, old: KubeObject): boolean {
  for (const key of new Set([...Object.keys(obj), ...Object.keys(old)])) {
    if (key === 'metadata' || key === 'status' || key === 'apiVersion' || key === 'kind') continue;
    if (JSON.stringify(obj[key]) !== JSON.stringify(old[key])) return true;
  }
  return false;
}
