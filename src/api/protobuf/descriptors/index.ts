import { appsV1Messages } from './apps-v1.ts';
import { authenticationV1Messages } from './authentication-v1.ts';
import { authorizationV1Messages } from './authorization-v1.ts';
import { autoscalingV1Messages } from './autoscaling-v1.ts';
import { autoscalingV2Messages } from './autoscaling-v2.ts';
import { batchV1Messages } from './batch-v1.ts';
import { certificatesV1Messages } from './certificates-v1.ts';
import { coordinationV1Messages } from './coordination-v1.ts';
import { coreContainersMessages } from './core-containers.ts';
import { coreNodesMessages } from './core-nodes.ts';
import { coreObjectsMessages } from './core-objects.ts';
import { corePersistentVolumesMessages } from './core-persistent-volumes.ts';
import { corePodMessages } from './core-pod.ts';
import { coreVolumesMessages } from './core-volumes.ts';
import { discoveryV1Messages } from './discovery-v1.ts';
import { eventsV1Messages } from './events-v1.ts';
import { metaMessages } from './meta.ts';
import { networkingV1Messages } from './networking-v1.ts';
import { policyV1Messages } from './policy-v1.ts';
import { rbacV1Messages } from './rbac-v1.ts';
import { schedulingV1Messages } from './scheduling-v1.ts';
import type { MessageTable } from './types.ts';

export type { FieldDescriptor, FieldKind, MessageTable, ScalarKind } from './types.ts';

/** Every message Skiff can decode, keyed by `<package>.<version>.<Message>`. */
export const MESSAGES: MessageTable = {
  ...metaMessages,
  ...coreObjectsMessages,
  ...corePodMessages,
  ...coreContainersMessages,
  ...coreVolumesMessages,
  ...corePersistentVolumesMessages,
  ...coreNodesMessages,
  ...appsV1Messages,
  ...batchV1Messages,
  ...rbacV1Messages,
  ...authorizationV1Messages,
  ...authenticationV1Messages,
  ...policyV1Messages,
  ...schedulingV1Messages,
  ...networkingV1Messages,
  ...autoscalingV1Messages,
  ...autoscalingV2Messages,
  ...certificatesV1Messages,
  ...coordinationV1Messages,
  ...eventsV1Messages,
  ...discoveryV1Messages,
};

interface ServedGroupVersion {
  /** The proto package prefix of this group version's messages. */
  protoPackage: string;
  /** Kinds a client may send as a request body: top-level objects and subresource bodies. */
  kinds: readonly string[];
}

/**
 * The group versions and kinds accepted as protobuf request bodies, keyed by apiVersion.
 * Subresource bodies are here too: Binding (pods/binding), Eviction (pods/eviction),
 * TokenRequest (serviceaccounts/token), Scale (*\/scale).
 */
const SERVED: Record<string, ServedGroupVersion> = {
  v1: {
    protoPackage: 'core.v1',
    kinds: [
      'Binding', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume',
      'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret',
      'Service', 'ServiceAccount',
    ],
  },
  'apps/v1': {
    protoPackage: 'apps.v1',
    kinds: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  },
  'batch/v1': { protoPackage: 'batch.v1', kinds: ['CronJob', 'Job'] },
  'rbac.authorization.k8s.io/v1': {
    protoPackage: 'rbac.v1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  },
  'authorization.k8s.io/v1': {
    protoPackage: 'authorization.v1',
    kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
  },
  'authentication.k8s.io/v1': {
    protoPackage: 'authentication.v1',
    kinds: ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
  },
  'policy/v1': { protoPackage: 'policy.v1', kinds: ['Eviction', 'PodDisruptionBudget'] },
  'scheduling.k8s.io/v1': { protoPackage: 'scheduling.v1', kinds: ['PriorityClass'] },
  'networking.k8s.io/v1': { protoPackage: 'networking.v1', kinds: ['Ingress', 'IngressClass', 'NetworkPolicy'] },
  'autoscaling/v1': { protoPackage: 'autoscaling.v1', kinds: ['HorizontalPodAutoscaler', 'Scale'] },
  'autoscaling/v2': { protoPackage: 'autoscaling.v2', kinds: ['HorizontalPodAutoscaler'] },
  'certificates.k8s.io/v1': { protoPackage: 'certificates.v1', kinds: ['CertificateSigningRequest'] },
  'coordination.k8s.io/v1': { protoPackage: 'coordination.v1', kinds: ['Lease'] },
  'events.k8s.io/v1': { protoPackage: 'events.v1', kinds: ['Event'] },
  'discovery.k8s.io/v1': { protoPackage: 'discovery.v1', kinds: ['EndpointSlice'] },
};

/**
 * Option kinds that apimachinery registers in every group version (AddToGroupVersion),
 * so a DELETE body may carry DeleteOptions under `apps/v1` as well as `meta.k8s.io/v1`.
 */
const OPTION_KINDS: Record<string, string> = { DeleteOptions: 'meta.v1.DeleteOptions' };

/**
 * The message that encodes `kind` in `apiVersion`, or undefined when Skiff has no
 * descriptor for it.
 *
 * @example
 * messageForKind('apps/v1', 'Deployment'); // 'apps.v1.Deployment'
 */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  if (Object.hasOwn(OPTION_KINDS, kind)) return OPTION_KINDS[kind];
  const served = Object.hasOwn(SERVED, apiVersion) ? SERVED[apiVersion] : undefined;
  if (!served || !served.kinds.includes(kind)) return undefined;
  return `${served.protoPackage}.${kind}`;
}

/** Every (apiVersion, kind) a protobuf request body may carry, DeleteOptions aside. */
export function decodableKinds(): { apiVersion: string; kind: string }[] {
  return Object.entries(SERVED).flatMap(([apiVersion, served]) => served.kinds.map((kind) => ({ apiVersion, kind })));
}
