import type { KubeObject } from './meta/object.ts';
import { bootstrapPolicy } from './auth/bootstrap-policy.ts';

/** The default RBAC objects as storage entries, for ensureBootstrapObjects. */
export function bootstrapPolicyObjects(): { key: string; obj: KubeObject }[] {
  return bootstrapPolicy().map((obj) => {
    const resource = obj.kind === 'ClusterRole' ? 'clusterroles' : obj.kind === 'ClusterRoleBinding' ? 'clusterrolebindings' : undefined;
    if (!resource) throw new Error(`bootstrap policy holds an unexpected kind ${obj.kind}`);
    return { key: `/registry/${resource}.rbac.authorization.k8s.io/${obj.metadata.name}`, obj };
  });
}
