/**
 * The user-facing default ClusterRoles, with the rules upstream's bootstrap policy
 * gives them (plugin/pkg/auth/authorizer/rbac/bootstrappolicy, as rendered in its
 * testdata/cluster-roles.yaml). admin, edit and view carry no rules of their own:
 * they aggregate the `system:aggregate-to-*` roles (and each other: view -> edit -> admin).
 * view deliberately excludes Secrets; edit adds writes but not Roles/RoleBindings;
 * admin adds those.
 */
import type { KubeObject } from '../meta/object.ts';
import { nonResourceRule, READ, READ_WRITE, resourceRule, WRITE } from './bootstrap-rules.ts';
import type { PolicyRule } from './rbac-rules.ts';

const AGGREGATE_TO = (role: 'admin' | 'edit' | 'view') => `rbac.authorization.k8s.io/aggregate-to-${role}`;

export function clusterRole(name: string, rules: PolicyRule[], labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, labels }, rules };
}

function aggregatedRole(name: string, aggregateFrom: 'admin' | 'edit' | 'view', labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, labels },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO(aggregateFrom)]: 'true' } }] },
    rules: [],
  };
}

const aggregateToAdminRules: PolicyRule[] = [
  resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'] }),
  resourceRule({ verbs: READ_WRITE, groups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'] }),
];

const aggregateToEditRules: PolicyRule[] = [
  // Read access to escalating resources: their content can act as the workload.
  resourceRule({ verbs: READ, groups: [''], resources: ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy'] }),
  resourceRule({ verbs: ['impersonate'], groups: [''], resources: ['serviceaccounts'] }),
  resourceRule({ verbs: WRITE, groups: [''], resources: ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward'] }),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['pods/eviction'] }),
  resourceRule({
    verbs: WRITE,
    groups: [''],
    resources: ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events'],
  }),
  resourceRule({ verbs: ['create'], groups: [''], resources: ['serviceaccounts/token'] }),
  resourceRule({
    verbs: WRITE,
    groups: ['apps'],
    resources: ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale'],
  }),
  resourceRule({ verbs: WRITE, groups: ['autoscaling'], resources: ['horizontalpodautoscalers'] }),
  resourceRule({ verbs: WRITE, groups: ['batch'], resources: ['jobs', 'cronjobs'] }),
  resourceRule({
    verbs: WRITE,
    groups: ['extensions'],
    resources: ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies'],
  }),
  resourceRule({ verbs: WRITE, groups: ['policy'], resources: ['poddisruptionbudgets'] }),
  resourceRule({ verbs: WRITE, groups: ['networking.k8s.io'], resources: ['networkpolicies', 'ingresses'] }),
  resourceRule({ verbs: READ_WRITE, groups: ['coordination.k8s.io'], resources: ['leases'] }),
];

const aggregateToViewRules: PolicyRule[] = [
  resourceRule({
    verbs: READ,
    groups: [''],
    resources: ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps'],
  }),
  resourceRule({
    verbs: READ,
    groups: [''],
    resources: ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log'],
  }),
  // Reading namespaces at namespace scope reads only *this* namespace, which tells a user where they have access.
  resourceRule({ verbs: READ, groups: [''], resources: ['namespaces'] }),
  resourceRule({ verbs: READ, groups: ['discovery.k8s.io'], resources: ['endpointslices'] }),
  resourceRule({
    verbs: READ,
    groups: ['apps'],
    resources: ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale'],
  }),
  resourceRule({ verbs: READ, groups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'] }),
  resourceRule({ verbs: READ, groups: ['batch'], resources: ['jobs', 'jobs/status', 'cronjobs', 'cronjobs/status'] }),
  resourceRule({
    verbs: READ,
    groups: ['extensions'],
    resources: ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies'],
  }),
  resourceRule({ verbs: READ, groups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'] }),
  resourceRule({ verbs: READ, groups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'] }),
];

export function userFacingClusterRoles(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [
      resourceRule({ verbs: ['*'], groups: ['*'], resources: ['*'] }),
      nonResourceRule(['*'], ['*']),
    ]),
    aggregatedRole('admin', 'admin'),
    aggregatedRole('edit', 'edit', { [AGGREGATE_TO('admin')]: 'true' }),
    aggregatedRole('view', 'view', { [AGGREGATE_TO('edit')]: 'true' }),
    clusterRole('system:aggregate-to-admin', aggregateToAdminRules, { [AGGREGATE_TO('admin')]: 'true' }),
    clusterRole('system:aggregate-to-edit', aggregateToEditRules, { [AGGREGATE_TO('edit')]: 'true' }),
    clusterRole('system:aggregate-to-view', aggregateToViewRules, { [AGGREGATE_TO('view')]: 'true' }),
    // Just enough to check readiness and discover API versions.
    clusterRole('system:discovery', [
      nonResourceRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*']),
    ]),
    // Lets any user learn what they may do (kubectl auth can-i, kubectl auth whoami).
    clusterRole('system:basic-user', [
      resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] }),
      resourceRule({ verbs: ['create'], groups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] }),
    ]),
    // Insensitive cluster information, open even to unauthenticated clients upstream.
    clusterRole('system:public-info-viewer', [nonResourceRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
    clusterRole('system:auth-delegator', [
      resourceRule({ verbs: ['create'], groups: ['authentication.k8s.io'], resources: ['tokenreviews'] }),
      resourceRule({ verbs: ['create'], groups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'] }),
    ]),
    clusterRole('system:monitoring', [
      nonResourceRule(['get'], ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*']),
    ]),
    clusterRole('system:service-account-issuer-discovery', [nonResourceRule(['get'], ['/.well-known/openid-configuration', '/openid/v1/jwks'])]),
  ];
}
