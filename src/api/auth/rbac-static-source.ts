/**
 * An RbacSource over a fixed list of objects: for start-up before the watch cache is
 * filled, for tools that evaluate policy offline, and for tests.
 */
import type { KubeObject } from '../meta/object.ts';
import type { RbacSource } from './rbac.ts';

export function staticRbacSource(objects: KubeObject[]): RbacSource {
  const ofKind = (kind: string, namespace?: string) =>
    objects.filter((object) => object.kind === kind && (namespace === undefined || object.metadata.namespace === namespace));
  return {
    clusterRoles: () => ofKind('ClusterRole'),
    clusterRoleBindings: () => ofKind('ClusterRoleBinding'),
    roles: (namespace) => ofKind('Role', namespace),
    roleBindings: (namespace) => ofKind('RoleBinding', namespace),
  };
}
