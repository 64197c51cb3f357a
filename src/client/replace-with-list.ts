import type { CacheStore } from './cache-store.ts';
import { objectKey, type KubeObject } from './object.ts';

export type Notification<T> =
  | { type: 'add'; obj: T }
  | { type: 'update'; old: T; obj: T }
  | { type: 'delete'; obj: T };

/**
 * Replaces the store's content with a fresh list and answers what changed (client-go's
 * DeltaFIFO.Replace, reduced to the differences): objects new to the cache are adds, objects
 * whose resourceVersion moved are updates, and cached objects missing from the list are
 * deletes carrying the last state the cache knew (client-go's DeletedFinalStateUnknown).
 * An object unchanged since the cache saw it is no notification at all, so a re-list after a
 * reconnect does not wake every controller.
 */
export function replaceWithList<T extends KubeObject>(store: CacheStore<T>, items: T[]): Notification<T>[] {
  const notifications: Notification<T>[] = [];
  const listed = new Set<string>();
  for (const obj of items) {
    const key = objectKey(obj);
    listed.add(key);
    const old = store.put(obj);
    if (!old) notifications.push({ type: 'add', obj });
    else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) notifications.push({ type: 'update', old, obj });
  }
  for (const key of store.keys()) {
    if (listed.has(key)) continue;
    const last = store.remove(key)!;
    notifications.push({ type: 'delete', obj: last });
  }
  return notifications;
}
