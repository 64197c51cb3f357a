import type { KubeObject } from '../../client/index.ts';
import { controllerOf } from '../framework/index.ts';

/**
 * An informer index of objects by their controller's UID, orphans under `orphan/<namespace>`
 * (upstream's controllerUIDIndex): a sync reads the pods it owns and the ones it may adopt
 * instead of scanning the whole namespace, which matters for a ReplicaSet of 1,000 pods.
 */
export function controllerUidIndex(obj: KubeObject): string[] {
  const ref = controllerOf(obj);
  return [ref ? ref.uid : orphanKey(obj.metadata.namespace ?? '')];
}

export function orphanKey(namespace: string): string {
  return `orphan/${namespace}`;
}
