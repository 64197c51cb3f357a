/**
 * Which pods a node may create itself: mirror pods of its static pods only, bound to
 * itself, owned by its Node, and referencing no other API objects (a node could
 * otherwise read any Secret by creating a pod that mounts it). As upstream's
 * NodeRestriction admitPodCreate, minus the Node UID check, which needs a lookup the
 * caller can do before.
 */
import type { KubeObject } from '../meta/object.ts';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

interface PodSpecView {
  nodeName?: string;
  serviceAccountName?: string;
  imagePullSecrets?: unknown[];
  volumes?: Array<Record<string, unknown>>;
  containers?: ContainerView[];
  initContainers?: ContainerView[];
  ephemeralContainers?: ContainerView[];
}

interface ContainerView {
  env?: Array<{ valueFrom?: { secretKeyRef?: unknown; configMapKeyRef?: unknown } }>;
  envFrom?: Array<{ secretRef?: unknown; configMapRef?: unknown }>;
}

export function mirrorPodViolation(nodeName: string, pod: KubeObject | undefined): string | undefined {
  const node = JSON.stringify(nodeName);
  if (!pod) return 'unexpected type: no pod in the request';
  if (!Object.hasOwn(pod.metadata.annotations ?? {}, MIRROR_POD_ANNOTATION)) {
    return `pod does not have "${MIRROR_POD_ANNOTATION}" annotation, node ${node} can only create mirror pods`;
  }
  const spec = (pod.spec ?? {}) as PodSpecView;
  if (spec.nodeName !== nodeName) return `node ${node} can only create pods with spec.nodeName set to itself`;

  const owners = pod.metadata.ownerReferences ?? [];
  if (owners.length > 1) return `node ${node} can only create pods with a single owner reference set to itself`;
  const [owner] = owners;
  if (!owner || owner.apiVersion !== 'v1' || owner.kind !== 'Node' || owner.name !== nodeName) {
    return `node ${node} can only create pods with an owner reference set to itself`;
  }
  if (owner.controller !== true) return `node ${node} can only create pods with a controller owner reference set to itself`;
  if (owner.blockOwnerDeletion === true) return `node ${node} must not set blockOwnerDeletion on an owner reference`;

  if (spec.serviceAccountName) return `node ${node} can not create pods that reference a service account`;
  if (referencesSecrets(spec)) return `node ${node} can not create pods that reference secrets`;
  if (referencesConfigMaps(spec)) return `node ${node} can not create pods that reference configmaps`;
  if ((spec.volumes ?? []).some((volume) => projectedSources(volume).some((source) => source.clusterTrustBundle))) {
    return `node ${node} can not create pods that reference clustertrustbundles`;
  }
  if ((spec.volumes ?? []).some((volume) => volume.persistentVolumeClaim)) return `node ${node} can not create pods that reference persistentvolumeclaims`;
  return undefined;
}

function containersOf(spec: PodSpecView): ContainerView[] {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
}

function projectedSources(volume: Record<string, unknown>): Array<Record<string, unknown>> {
  return ((volume.projected as { sources?: Array<Record<string, unknown>> } | undefined)?.sources ?? []);
}

/** Volume sources that name a Secret, and the field that does (upstream's VisitPodSecretNames). */
const SECRET_VOLUME_FIELDS: Record<string, string> = {
  secret: 'secretName',
  azureFile: 'secretName',
  cephfs: 'secretRef',
  cinder: 'secretRef',
  flexVolume: 'secretRef',
  iscsi: 'secretRef',
  rbd: 'secretRef',
  scaleIO: 'secretRef',
  storageos: 'secretRef',
  csi: 'nodePublishSecretRef',
};

function referencesSecrets(spec: PodSpecView): boolean {
  if ((spec.imagePullSecrets ?? []).length > 0) return true;
  const volumes = spec.volumes ?? [];
  const namesSecret = (volume: Record<string, unknown>) =>
    Object.entries(SECRET_VOLUME_FIELDS).some(([source, field]) => {
      const value = volume[source] as Record<string, unknown> | undefined;
      return value !== undefined && (source === 'secret' || Boolean(value[field]));
    });
  if (volumes.some((volume) => namesSecret(volume) || projectedSources(volume).some((source) => source.secret))) return true;
  return containersOf(spec).some(
    (container) => (container.envFrom ?? []).some((from) => from.secretRef) || (container.env ?? []).some((env) => env.valueFrom?.secretKeyRef),
  );
}

function referencesConfigMaps(spec: PodSpecView): boolean {
  const volumes = spec.volumes ?? [];
  if (volumes.some((volume) => volume.configMap || projectedSources(volume).some((source) => source.configMap))) return true;
  return containersOf(spec).some(
    (container) => (container.envFrom ?? []).some((from) => from.configMapRef) || (container.env ?? []).some((env) => env.valueFrom?.configMapKeyRef),
  );
}
