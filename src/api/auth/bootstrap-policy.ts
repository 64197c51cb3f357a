/**
 * The default RBAC objects the API server ensures at start, named as upstream's
 * bootstrap policy names them. Each carries `kubernetes.io/bootstrapping: rbac-defaults`
 * and `rbac.authorization.kubernetes.io/autoupdate: "true"`: upstream reconciles
 * objects with that annotation at every start and leaves alone those where a user set it
 * to "false".
 */
import type { KubeObject } from '../meta/object.ts';
import { systemComponentClusterRoles } from './bootstrap-system-roles.ts';
import { userFacingClusterRoles } from './bootstrap-user-roles.ts';

export const BOOTSTRAPPING_LABEL = 'kubernetes.io/bootstrapping';
export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';

interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
}

const group = (name: string): Subject => ({ kind: 'Group', name });
const user = (name: string): Subject => ({ kind: 'User', name });

/** Binding name = role name, as upstream names its default bindings. */
function clusterRoleBinding(roleName: string, subjects: Subject[]): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: roleName },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects: subjects.map((subject) => (subject.kind === 'ServiceAccount' ? subject : { apiGroup: 'rbac.authorization.k8s.io', ...subject })),
  };
}

function defaultClusterRoleBindings(): KubeObject[] {
  return [
    clusterRoleBinding('cluster-admin', [group('system:masters')]),
    clusterRoleBinding('system:basic-user', [group('system:authenticated')]),
    clusterRoleBinding('system:discovery', [group('system:authenticated')]),
    clusterRoleBinding('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
    clusterRoleBinding('system:monitoring', [group('system:monitoring')]),
    clusterRoleBinding('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
    // Upstream leaves this binding empty and relies on the Node authorizer; Skiff has no
    // Node authorizer, so nodes get the role through their group and node-restriction.ts
    // narrows what they may change (as k3s did before the Node authorizer existed).
    clusterRoleBinding('system:node', [group('system:nodes')]),
    clusterRoleBinding('system:node-proxier', [user('system:kube-proxy')]),
    clusterRoleBinding('system:kube-scheduler', [user('system:kube-scheduler')]),
    clusterRoleBinding('system:kube-controller-manager', [user('system:kube-controller-manager')]),
    clusterRoleBinding('system:kube-dns', [{ kind: 'ServiceAccount', name: 'kube-dns', namespace: 'kube-system' }]),
  ];
}

/**
 * ClusterRoles first, then ClusterRoleBindings, each with the bootstrap label and
 * annotation. Deep copies: the rule tables are module constants and callers may edit.
 */
export function bootstrapPolicy(): KubeObject[] {
  const objects = structuredClone([...userFacingClusterRoles(), ...systemComponentClusterRoles(), ...defaultClusterRoleBindings()]);
  return objects.map((object) => ({
    ...object,
    metadata: {
      ...object.metadata,
      labels: { ...(object.metadata.labels ?? {}), [BOOTSTRAPPING_LABEL]: 'rbac-defaults' },
      annotations: { ...(object.metadata.annotations ?? {}), [AUTOUPDATE_ANNOTATION]: 'true' },
    },
  }));
}
