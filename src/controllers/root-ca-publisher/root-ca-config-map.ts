import type { KubeObject } from '../../client/index.ts';

export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
// Upstream's publisher sets this exact description on every copy it writes.
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * What the root CA ConfigMap of `namespace` must become: `create` when it is missing, the
 * `update` (a changed copy) when its data or description drifted, nothing when it is right.
 * As upstream's root-ca-cert-publisher, the data holds `ca.crt` only: other keys are dropped.
 */
export function rootCaConfigMapChange(opts: { namespace: string; rootCaPem: string; current: KubeObject | undefined }):
  | { create: KubeObject }
  | { update: KubeObject }
  | undefined {
  const data = { 'ca.crt': opts.rootCaPem };
  if (!opts.current) {
    return {
      create: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: ROOT_CA_CONFIG_MAP, namespace: opts.namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
        data,
      },
    };
  }
  const currentData = (opts.current.data as Record<string, string> | undefined) ?? {};
  const sameData = Object.keys(currentData).length === 1 && currentData['ca.crt'] === opts.rootCaPem;
  const described = opts.current.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION;
  if (sameData && described) return undefined;
  const copy = structuredClone(opts.current);
  copy.data = data;
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: DESCRIPTION };
  return { update: copy };
}
