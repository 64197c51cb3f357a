import { describe, expect, it } from 'vitest';
import { shouldSign } from './plan.ts';

const csr = (signerName: string, conditions: { type: string; status?: string }[], certificate?: string) => ({
  metadata: { name: 'c' },
  spec: { signerName },
  status: { conditions, ...(certificate ? { certificate } : {}) },
});

describe('shouldSign', () => {
  const cases: [string, ReturnType<typeof csr>, 'client' | 'serving' | undefined][] = [
    ['signs an approved client request with the client CA', csr('kubernetes.io/kube-apiserver-client', [{ type: 'Approved', status: 'True' }]), 'client'],
    ['signs an approved kubelet serving request with the serving CA', csr('kubernetes.io/kubelet-serving', [{ type: 'Approved', status: 'True' }]), 'serving'],
    ['leaves a pending request alone', csr('kubernetes.io/kube-apiserver-client', []), undefined],
    ['leaves a denied request alone', csr('kubernetes.io/kube-apiserver-client', [{ type: 'Approved' }, { type: 'Denied' }]), undefined],
    ['does not sign twice', csr('kubernetes.io/kube-apiserver-client', [{ type: 'Approved' }], 'LS0t'), undefined],
    ['leaves other signers to their own controllers', csr('example.com/custom', [{ type: 'Approved' }]), undefined],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(shouldSign(input)).toBe(expected);
  });
});
