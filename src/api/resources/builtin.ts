import type { ResourceInfo } from './types.ts';
import { eventsV1Conversion } from './event-conversion.ts';
import { autoscalingV1Conversion } from './hpa-v1-conversion.ts';

/**
 * The built-in resources Skiff serves, as data. Names, short names, categories, verbs and
 * scopes are upstream's (what `kubectl api-resources` prints against kube-apiserver 1.33).
 * Printers and strategies are attached by the registry from their own modules.
 */
const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];

interface Entry {
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  verbs?: string[];
  singular?: string;
  definition?: string;
}

function group(groupName: string, version: string, defPrefix: string, entries: Entry[]): ResourceInfo[] {
  return entries.map((e) => {
    const subresources = e.subresources ?? [];
    return {
      group: groupName,
      version,
      resource: e.resource,
      singular: e.singular ?? e.kind.toLowerCase(),
      kind: e.kind,
      listKind: `${e.kind}List`,
      namespaced: e.namespaced,
      shortNames: e.shortNames,
      categories: e.categories,
      verbs: e.verbs ?? CRUD,
      subresources,
      hasStatus: subresources.includes('status'),
      definition: e.definition ?? `${defPrefix}.${e.kind}`,
      scale: subresources.includes('scale')
        ? { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' }
        : undefined,
    };
  });
}

const ALL = ['all'];
const POD_SUBRESOURCES = ['status', 'log', 'exec', 'attach', 'portforward', 'binding', 'eviction', 'ephemeralcontainers', 'resize', 'proxy'];

export const builtinResources: ResourceInfo[] = [
  ...group('', 'v1', 'io.k8s.api.core.v1', [
    { resource: 'bindings', kind: 'Binding', namespaced: true, verbs: CREATE_ONLY },
    { resource: 'componentstatuses', kind: 'ComponentStatus', namespaced: false, shortNames: ['cs'], verbs: ['get', 'list'] },
    { resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
    { resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], singular: 'endpoints' },
    { resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] },
    { resource: 'limitranges', kind: 'LimitRange', namespaced: true, shortNames: ['limits'] },
    { resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], subresources: ['status', 'finalize'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
    { resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['status', 'proxy'] },
    { resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'] },
    { resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], subresources: ['status'] },
    { resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ALL, subresources: POD_SUBRESOURCES },
    { resource: 'podtemplates', kind: 'PodTemplate', namespaced: true },
    { resource: 'replicationcontrollers', kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], categories: ALL, subresources: ['status', 'scale'] },
    { resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], subresources: ['status'] },
    { resource: 'secrets', kind: 'Secret', namespaced: true },
    { resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], subresources: ['token'] },
    { resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ALL, subresources: ['status', 'proxy'] },
  ]),
  ...group('apps', 'v1', 'io.k8s.api.apps.v1', [
    { resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
    { resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], categories: ALL, subresources: ['status'] },
    { resource: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ALL, subresources: ['status', 'scale'] },
    { resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ALL, subresources: ['status', 'scale'] },
    { resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], categories: ALL, subresources: ['status', 'scale'] },
  ]),
  ...group('batch', 'v1', 'io.k8s.api.batch.v1', [
    { resource: 'cronjobs', kind: 'CronJob', namespaced: true, shortNames: ['cj'], categories: ALL, subresources: ['status'] },
    { resource: 'jobs', kind: 'Job', namespaced: true, categories: ALL, subresources: ['status'] },
  ]),
  ...group('autoscaling', 'v2', 'io.k8s.api.autoscaling.v2', [
    { resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'], categories: ALL, subresources: ['status'] },
  ]),
  // Served from the autoscaling/v2 storage, as upstream (kubectl autoscale before 1.23 sends v1).
  ...group('autoscaling', 'v1', 'io.k8s.api.autoscaling.v1', [
    { resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'], categories: ALL, subresources: ['status'] },
  ]).map((info) => ({ ...info, conversion: autoscalingV1Conversion })),
  ...group('discovery.k8s.io', 'v1', 'io.k8s.api.discovery.v1', [
    { resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
  ]),
  ...group('coordination.k8s.io', 'v1', 'io.k8s.api.coordination.v1', [
    { resource: 'leases', kind: 'Lease', namespaced: true },
  ]),
  ...group('events.k8s.io', 'v1', 'io.k8s.api.events.v1', [
    { resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] },
  ]).map((info) => ({ ...info, conversion: eventsV1Conversion })),
  ...group('networking.k8s.io', 'v1', 'io.k8s.api.networking.v1', [
    { resource: 'ingressclasses', kind: 'IngressClass', namespaced: false },
    { resource: 'ingresses', kind: 'Ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'] },
    { resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'] },
  ]),
  ...group('policy', 'v1', 'io.k8s.api.policy.v1', [
    { resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'], subresources: ['status'] },
  ]),
  ...group('scheduling.k8s.io', 'v1', 'io.k8s.api.scheduling.v1', [
    { resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] },
  ]),
  ...group('storage.k8s.io', 'v1', 'io.k8s.api.storage.v1', [
    { resource: 'storageclasses', kind: 'StorageClass', namespaced: false, shortNames: ['sc'] },
    { resource: 'csidrivers', kind: 'CSIDriver', namespaced: false },
    { resource: 'csinodes', kind: 'CSINode', namespaced: false },
    { resource: 'volumeattachments', kind: 'VolumeAttachment', namespaced: false, subresources: ['status'] },
  ]),
  ...group('rbac.authorization.k8s.io', 'v1', 'io.k8s.api.rbac.v1', [
    { resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
    { resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
    { resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
    { resource: 'roles', kind: 'Role', namespaced: true },
  ]),
  ...group('authorization.k8s.io', 'v1', 'io.k8s.api.authorization.v1', [
    { resource: 'localsubjectaccessreviews', kind: 'LocalSubjectAccessReview', namespaced: true, verbs: CREATE_ONLY },
    { resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: CREATE_ONLY },
    { resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, verbs: CREATE_ONLY },
    { resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...group('authentication.k8s.io', 'v1', 'io.k8s.api.authentication.v1', [
    { resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, verbs: CREATE_ONLY },
    { resource: 'tokenreviews', kind: 'TokenReview', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...group('apiextensions.k8s.io', 'v1', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1', [
    { resource: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'] },
  ]),
  ...group('certificates.k8s.io', 'v1', 'io.k8s.api.certificates.v1', [
    { resource: 'certificatesigningrequests', kind: 'CertificateSigningRequest', namespaced: false, shortNames: ['csr'], subresources: ['status', 'approval'] },
  ]),
  ...group('node.k8s.io', 'v1', 'io.k8s.api.node.v1', [
    { resource: 'runtimeclasses', kind: 'RuntimeClass', namespaced: false },
  ]),
  ...group('admissionregistration.k8s.io', 'v1', 'io.k8s.api.admissionregistration.v1', [
    { resource: 'mutatingwebhookconfigurations', kind: 'MutatingWebhookConfiguration', namespaced: false, categories: ['api-extensions'] },
    { resource: 'validatingwebhookconfigurations', kind: 'ValidatingWebhookConfiguration', namespaced: false, categories: ['api-extensions'] },
  ]),
];

/**
 * Resources that are not stored: each request is answered by a handler (reviews) rather
 * than persisted, as upstream's "virtual" resources.
 */
export const virtualResources = new Set([
  'bindings',
  'localsubjectaccessreviews.authorization.k8s.io',
  'selfsubjectaccessreviews.authorization.k8s.io',
  'selfsubjectrulesreviews.authorization.k8s.io',
  'subjectaccessreviews.authorization.k8s.io',
  'selfsubjectreviews.authentication.k8s.io',
  'tokenreviews.authentication.k8s.io',
  'componentstatuses',
]);
