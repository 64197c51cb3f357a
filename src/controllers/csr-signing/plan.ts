import type { KubeObject } from '../../client/index.ts';

/** The signers kube-controller-manager's csrsigning controller serves, and which CA each uses. */
export const SIGNER_CAS: Record<string, 'client' | 'serving'> = {
  'kubernetes.io/kube-apiserver-client': 'client',
  'kubernetes.io/kube-apiserver-client-kubelet': 'client',
  'kubernetes.io/kubelet-serving': 'serving',
  'kubernetes.io/legacy-unknown': 'client',
};

interface Condition {
  type: string;
  status?: string;
}

/**
 * Whether a CSR should be signed now (upstream's csrsigning controller): approved, neither
 * denied nor failed, not yet issued, and addressed to a signer this controller serves.
 */
export function shouldSign(csr: KubeObject): 'client' | 'serving' | undefined {
  const status = (csr.status ?? {}) as { conditions?: Condition[]; certificate?: string };
  if (status.certificate) return undefined;
  const conditions = (status.conditions ?? []).filter((c) => c.status !== 'False');
  if (!conditions.some((c) => c.type === 'Approved')) return undefined;
  if (conditions.some((c) => c.type === 'Denied' || c.type === 'Failed')) return undefined;
  const signer = (csr.spec as { signerName?: string } | undefined)?.signerName ?? '';
  return SIGNER_CAS[signer];
}
