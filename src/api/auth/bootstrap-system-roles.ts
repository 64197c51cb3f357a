/**
 * Default ClusterRoles of the cluster's own components, with upstream's rules
 * (bootstrappolicy/policy.go). system:node grants nodes the API access a kubelet
 * needs; which objects a node may change is narrowed further by node-restriction.ts.
 */
import type { KubeObject } from '../meta/object.ts';
import { READ, resourceRule } from './bootstrap-rules.ts';
import { clusterRole } from './bootstrap-user-roles.ts';
import type { PolicyRule } from './rbac-rules.ts';

const EVENTS_WRITE = resourceRule({ verbs: ['create', 'patch', 'update'], groups: ['', 'events.k8s.io'], resources: ['events'] });

function leaderElectionRules(leaseName: string): PolicyRule[] {
  return [
    resourceRule({ verbs: ['create'], groups: ['coordination.k8s.io'], resources: ['leases'] }),
    resourceRule({ verbs: ['get', 'update'], groups: ['coordination.k8s.io'], resources: ['leases'], names: [leaseName] }),
  ];
}

const nodeRules: PolicyRule[] = [
  // Non-mutating checks of API access.
  resourceRule({ verbs: ['create'], groups: ['authentication.k8s.io'], resources: ['tokenreviews'] }),
  resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['subjectaccessreviews', 'localsubjectaccessreviews'] }),
  // Services fill the environment variables of containers.
  resourceRule({ verbs: READ, groups: [''], resources: ['services'] }),
  // Nodes register and report their own Node (restricted to their own by NodeRestriction).
  resourceRule({ verbs: ['create', 'get', 'list', 'watch'], groups: [''], resources: ['nodes'] }),
  resourceRule({ verbs: ['update', 'patch'], groups: [''], resources: ['nodes/status'] }),
  resourceRule({ verbs: ['update', 'patch'], groups: [''], resources: ['nodes'] }),
  resourceRule({ verbs: ['create', 'update', 'patch'], groups: [''], resources: ['events'] }),
  resourceRule({ verbs: READ, groups: [''], resources: ['pods'] }),
  // Mirror pods, and deleting pods bound to the node once they terminated.
  resourceRule({ verbs: ['create', 'delete'], groups: [''], resources: ['pods'] }),
  resourceRule({ verbs: ['update', 'patch'], groups: [''], resources: ['pods/status'] }),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['pods/eviction'] }),
  // Secret and configMap volumes, image pull secrets, env from secrets.
  resourceRule({ verbs: READ, groups: [''], resources: ['secrets', 'configmaps'] }),
  resourceRule({ verbs: ['get'], groups: [''], resources: ['persistentvolumeclaims', 'persistentvolumes'] }),
  resourceRule({ verbs: ['get'], groups: [''], resources: ['endpoints'] }),
  resourceRule({ verbs: ['create', 'get', 'list', 'watch'], groups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'] }),
  // The node heartbeat Lease.
  resourceRule({ verbs: ['get', 'create', 'update', 'patch', 'delete'], groups: ['coordination.k8s.io'], resources: ['leases'] }),
  resourceRule({ verbs: ['get'], groups: ['storage.k8s.io'], resources: ['volumeattachments'] }),
  // Projected service-account tokens for the pods the node runs.
  resourceRule({ verbs: ['create'], groups: [''], resources: ['serviceaccounts/token'] }),
  resourceRule({ verbs: ['get', 'update', 'patch'], groups: [''], resources: ['persistentvolumeclaims/status'] }),
  resourceRule({ verbs: READ, groups: ['storage.k8s.io'], resources: ['csidrivers'] }),
  resourceRule({ verbs: ['get', 'create', 'update', 'patch', 'delete'], groups: ['storage.k8s.io'], resources: ['csinodes'] }),
  resourceRule({ verbs: READ, groups: ['node.k8s.io'], resources: ['runtimeclasses'] }),
];

const schedulerRules: PolicyRule[] = [
  EVENTS_WRITE,
  ...leaderElectionRules('kube-scheduler'),
  resourceRule({ verbs: READ, groups: [''], resources: ['nodes'] }),
  resourceRule({ verbs: ['delete', 'get', 'list', 'watch'], groups: [''], resources: ['pods'] }),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['bindings', 'pods/binding'] }),
  resourceRule({ verbs: ['patch', 'update'], groups: [''], resources: ['pods/status'] }),
  resourceRule({ verbs: READ, groups: [''], resources: ['replicationcontrollers', 'services'] }),
  resourceRule({ verbs: READ, groups: ['apps', 'extensions'], resources: ['replicasets'] }),
  resourceRule({ verbs: READ, groups: ['apps'], resources: ['statefulsets'] }),
  resourceRule({ verbs: READ, groups: ['policy'], resources: ['poddisruptionbudgets'] }),
  resourceRule({ verbs: READ, groups: [''], resources: ['persistentvolumeclaims', 'persistentvolumes'] }),
  resourceRule({ verbs: ['create'], groups: ['authentication.k8s.io'], resources: ['tokenreviews'] }),
  resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'] }),
  resourceRule({ verbs: READ, groups: ['storage.k8s.io'], resources: ['csinodes'] }),
  resourceRule({ verbs: READ, groups: [''], resources: ['namespaces'] }),
  resourceRule({ verbs: READ, groups: ['storage.k8s.io'], resources: ['csidrivers'] }),
  resourceRule({ verbs: READ, groups: ['storage.k8s.io'], resources: ['csistoragecapacities'] }),
];

// Upstream's controller-manager role is deliberately small: each controller runs with
// its own service account and role. Skiff's in-process controllers may be bound to a
// broader role by the server; this one stays as upstream defines it.
const controllerManagerRules: PolicyRule[] = [
  EVENTS_WRITE,
  ...leaderElectionRules('kube-controller-manager'),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['secrets', 'serviceaccounts'] }),
  resourceRule({ verbs: ['delete'], groups: [''], resources: ['secrets'] }),
  resourceRule({ verbs: ['get'], groups: [''], resources: ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'] }),
  resourceRule({ verbs: ['update'], groups: [''], resources: ['secrets', 'serviceaccounts'] }),
  resourceRule({ verbs: ['create'], groups: ['authentication.k8s.io'], resources: ['tokenreviews'] }),
  resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'] }),
  resourceRule({ verbs: ['list', 'watch'], groups: ['*'], resources: ['*'] }),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['serviceaccounts/token'] }),
];

const nodeProxierRules: PolicyRule[] = [
  resourceRule({ verbs: ['list', 'watch'], groups: [''], resources: ['services', 'endpoints'] }),
  resourceRule({ verbs: READ, groups: [''], resources: ['nodes'] }),
  EVENTS_WRITE,
  resourceRule({ verbs: ['list', 'watch'], groups: ['discovery.k8s.io'], resources: ['endpointslices'] }),
];

export function systemComponentClusterRoles(): KubeObject[] {
  return [
    clusterRole('system:node', nodeRules),
    clusterRole('system:kube-scheduler', schedulerRules),
    clusterRole('system:kube-controller-manager', controllerManagerRules),
    clusterRole('system:node-proxier', nodeProxierRules),
    clusterRole('system:node-bootstrapper', [
      resourceRule({ verbs: ['create', 'get', 'list', 'watch'], groups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'] }),
    ]),
    clusterRole('system:kube-dns', [resourceRule({ verbs: ['list', 'watch'], groups: [''], resources: ['endpoints', 'services'] })]),
  ];
}
