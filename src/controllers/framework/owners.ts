import type { KubeObject, OwnerReference } from '../../client/index.ts';

export type { OwnerReference };

/** The controlling owner of an object (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return ((obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? []).find((r) => r.controller === true);
}

/** A controller owner reference to `owner`, as controllers set on what they create (metav1.NewControllerRef). */
export function controllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** `namespace/name` of the controlling owner of `kind`, for enqueueing the owner from a child's event. */
export function ownerKey(obj: KubeObject, kind: string): string | undefined {
  const ref = controllerOf(obj);
  if (!ref || ref.kind !== kind) return undefined;
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${ref.name}` : ref.name;
}
