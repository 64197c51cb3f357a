import { keyOf } from './storage/keys.ts';
import type { KubeObject } from './meta/object.ts';
import type { RevisionLog } from '../store/types.ts';
import type { WatchCache } from './storage/watch-cache.ts';
import { KeyExistsError } from '../store/types.ts';
import { rfc3339 } from './handlers/create.ts';
import { bootstrapPolicy } from './auth/bootstrap-policy.ts';

/**
 * Objects every cluster starts with, written once at start-up like kube-apiserver's
 * post-start hooks (system namespaces, the bootstrap RBAC policy). Existing objects are
 * left alone unless they carry `rbac.authorization.kubernetes.io/autoupdate: "true"` and differ.
 */
export async function ensureBootstrapObjects(opts: { store: RevisionLog; cache: WatchCache; now: Date; objects: { key: string; obj: KubeObject }[] }): Promise<void> {
  for (const { key, obj } of opts.objects) {
    const existing = opts.cache.get(key);
    if (existing) {
      const auto = existing.obj.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'] === 'true';
      if (!auto) continue;
      const merged = { ...existing.obj, ...obj, metadata: { ...existing.obj.metadata, labels: obj.metadata.labels, annotations: obj.metadata.annotations } };
      delete merged.metadata.resourceVersion;
      const before = { ...existing.obj, metadata: { ...existing.obj.metadata, resourceVersion: undefined } };
      if (JSON.stringify(merged) === JSON.stringify(before)) continue;
      await opts.store.update(key, JSON.stringify(merged), existing.revision);
      continue;
    }
    const fresh = structuredClone(obj);
    fresh.metadata.uid = crypto.randomUUID();
    fresh.metadata.creationTimestamp = rfc3339(opts.now);
    try {
      await opts.store.create(key, JSON.stringify(fresh));
    } catch (err) {
      if (!(err instanceof KeyExistsError)) throw err;
    }
  }
}

/** The namespaces every cluster has, as upstream's system namespaces controller creates them. */
export function systemNamespaces(): { key: string; obj: KubeObject }[] {
  return ['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((name) => ({
    key: keyOf('namespaces', undefined, name),
    obj: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
  }));
}

/** The default RBAC policy (src/api/auth/bootstrap-policy.ts) as storage entries. */
export function bootstrapPolicyObjects(): { key: string; obj: KubeObject }[] {
  return bootstrapPolicy().map((obj) => {
    const resource = obj.kind === 'ClusterRole' ? 'clusterroles' : obj.kind === 'ClusterRoleBinding' ? 'clusterrolebindings' : undefined;
    if (!resource) throw new Error(`bootstrap policy holds an unexpected kind ${obj.kind}`);
    return { key: keyOf(`${resource}.rbac.authorization.k8s.io`, undefined, obj.metadata.name!), obj };
  });
}
