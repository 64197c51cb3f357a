import { describe, expect, it } from 'vitest';
import { ROOT_CA_CONFIG_MAP, rootCaConfigMapChange } from './root-ca-config-map.ts';

const pem = '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n';
const description = {
  'kubernetes.io/description':
    'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
};
const cm = (data: Record<string, string>, annotations: Record<string, string> = description) => ({
  metadata: { name: ROOT_CA_CONFIG_MAP, namespace: 'web', annotations },
  data,
});

describe('rootCaConfigMapChange', () => {
  it('creates the ConfigMap with ca.crt and the description when it is missing', () => {
    const change = rootCaConfigMapChange({ namespace: 'web', rootCaPem: pem, current: undefined });
    expect(change).toEqual({
      create: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'web', annotations: description }, data: { 'ca.crt': pem } },
    });
  });
  it.each([
    { name: 'changes nothing when the data and description are right', current: cm({ 'ca.crt': pem }), changes: false },
    { name: 'rewrites a stale certificate', current: cm({ 'ca.crt': 'old' }), changes: true },
    { name: 'drops keys a user added beside ca.crt', current: cm({ 'ca.crt': pem, extra: 'x' }), changes: true },
    { name: 'restores a removed description', current: cm({ 'ca.crt': pem }, {}), changes: true },
  ])('$name', ({ current, changes }) => {
    const change = rootCaConfigMapChange({ namespace: 'web', rootCaPem: pem, current });
    if (!changes) return expect(change).toBeUndefined();
    expect(change && 'update' in change && change.update.data).toEqual({ 'ca.crt': pem });
    expect(change && 'update' in change && change.update.metadata.annotations).toMatchObject(description);
  });
  it('leaves the cached object untouched when it updates', () => {
    const current = cm({ 'ca.crt': 'old' });
    rootCaConfigMapChange({ namespace: 'web', rootCaPem: pem, current });
    expect(current.data).toEqual({ 'ca.crt': 'old' });
  });
});
