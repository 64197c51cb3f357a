import type { KubeObject } from '../../client/index.ts';
import { controllerRef, isPodAvailable, isPodReady, podPhase } from '../framework/index.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controller-revision.ts';
import { POD_INDEX_LABEL, POD_NAME_LABEL, type PodTemplate, type StatefulSet } from './statefulset-types.ts';

/** The ordinal of `<set>-<n>`, or undefined for a pod not named after the set (upstream's getParentNameAndOrdinal). */
export function podOrdinal(set: StatefulSet, pod: KubeObject): number | undefined {
  const prefix = `${set.metadata.name}-`;
  const name = pod.metadata.name ?? '';
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

/** `<claim template>-<set>-<ordinal>`: the PVC a pod's claim template gives it. */
export function claimName(set: StatefulSet, template: KubeObject, ordinal: number): string {
  return `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
}

export function podRevision(pod: KubeObject): string | undefined {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
}

/** isCreated: the pod has a phase (the API server gives new pods Pending). */
export const isCreated = (pod: KubeObject): boolean => podPhase(pod) !== '';
export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const isFinished = (pod: KubeObject): boolean => podPhase(pod) === 'Succeeded' || podPhase(pod) === 'Failed';
export const isRunningAndReady = (pod: KubeObject): boolean => podPhase(pod) === 'Running' && isPodReady(pod);
export const isRunningAndAvailable = (pod: KubeObject, minReadySeconds: number, now: Date): boolean => podPhase(pod) === 'Running' && isPodAvailable(pod, minReadySeconds, now);
/** isHealthy: running, ready and not being deleted. */
export const isHealthy = (pod: KubeObject): boolean => isRunningAndReady(pod) && !isTerminating(pod);

/**
 * The pod of ordinal `ordinal` (upstream's newStatefulSetPod + updateIdentity + updateStorage):
 * named `<set>-<ordinal>`, with hostname and subdomain for the governing service, the
 * pod-name and pod-index labels, the revision label, and each claim template's volume
 * pointing at the ordinal's PVC.
 */
export function newStatefulPod(opts: { set: StatefulSet; template: PodTemplate; ordinal: number; revision: string }): KubeObject {
  const { set, ordinal } = opts;
  const template = structuredClone(opts.template);
  const name = `${set.metadata.name}-${ordinal}`;
  const spec = { ...(template.spec ?? {}) };
  const claims = set.spec.volumeClaimTemplates ?? [];
  const claimVolumes = claims.map((c) => ({ name: c.metadata.name!, persistentVolumeClaim: { claimName: claimName(set, c, ordinal) } }));
  spec.volumes = [...(spec.volumes ?? []).filter((v) => !claims.some((c) => c.metadata.name === v.name)), ...claimVolumes];
  if (spec.volumes.length === 0) delete spec.volumes;
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: opts.revision },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    spec,
  };
}

/** The PVC of one claim template for one ordinal, with the pod's selector labels as upstream sets them. */
export function newClaim(set: StatefulSet, template: KubeObject, ordinal: number): KubeObject {
  const claim = structuredClone(template);
  const labels = { ...(set.spec.template.metadata?.labels ?? {}), ...(claim.metadata.labels ?? {}) };
  const whenDeleted = set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain';
  return {
    ...claim,
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      ...claim.metadata,
      name: claimName(set, template, ordinal),
      namespace: set.metadata.namespace,
      labels,
      // whenDeleted: Delete makes the set the claim's owner, so deleting the set deletes it (not as controller).
      ...(whenDeleted === 'Delete' ? { ownerReferences: [{ ...controllerRef(set, 'apps/v1', 'StatefulSet'), controller: false }] } : {}),
    },
  };
}
