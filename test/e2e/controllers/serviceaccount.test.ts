import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { eventually } from './poll.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const ok = (args: string[], input?: string): Promise<string> => server.kubectlOk(args, input);

async function exists(args: string[]): Promise<true | undefined> {
  return (await server.kubectl(args)).exitCode === 0 ? true : undefined;
}

describe('service accounts and the root CA ConfigMap', () => {
  it('gives every namespace, old and new, a default ServiceAccount', async () => {
    await eventually('default/default', () => exists(['get', 'serviceaccount', 'default', '-n', 'default']));
    await ok(['create', 'namespace', 'sa-new']);
    await eventually('sa-new/default', () => exists(['get', 'serviceaccount', 'default', '-n', 'sa-new']));
  });

  it('recreates the default ServiceAccount when it is deleted', async () => {
    const before = (await ok(['get', 'serviceaccount', 'default', '-n', 'sa-new', '-o', 'jsonpath={.metadata.uid}'])).trim();
    await ok(['delete', 'serviceaccount', 'default', '-n', 'sa-new']);
    const after = await eventually('a new default ServiceAccount', async () => {
      const r = await server.kubectl(['get', 'serviceaccount', 'default', '-n', 'sa-new', '-o', 'jsonpath={.metadata.uid}']);
      return r.exitCode === 0 && r.stdout.trim() !== before ? r.stdout.trim() : undefined;
    });
    expect(after).not.toBe(before);
  });

  it('publishes the cluster CA as kube-root-ca.crt with ca.crt in every namespace', async () => {
    const ca = await eventually('kube-root-ca.crt in sa-new', async () => {
      const r = await server.kubectl(['get', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '-o', 'jsonpath={.data.ca\\.crt}']);
      return r.exitCode === 0 && r.stdout.includes('BEGIN CERTIFICATE') ? r.stdout : undefined;
    });
    const kubeSystem = await eventually('kube-root-ca.crt in kube-system', async () => {
      const r = await server.kubectl(['get', 'configmap', 'kube-root-ca.crt', '-n', 'kube-system', '-o', 'jsonpath={.data.ca\\.crt}']);
      return r.exitCode === 0 && r.stdout ? r.stdout : undefined;
    });
    expect(kubeSystem).toBe(ca);
    const description = await ok(['get', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '-o', 'jsonpath={.metadata.annotations.kubernetes\\.io/description}']);
    expect(description).toMatch(/^Contains a CA bundle that can be used to verify the kube-apiserver/);
  });

  it('puts back the certificate when someone edits or deletes the ConfigMap', async () => {
    const ca = await ok(['get', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '-o', 'jsonpath={.data.ca\\.crt}']);
    await ok(['patch', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '--type=merge', '-p', '{"data":{"ca.crt":"tampered"}}']);
    await eventually('the certificate restored', async () => {
      const r = await server.kubectl(['get', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '-o', 'jsonpath={.data.ca\\.crt}']);
      return r.stdout === ca ? true : undefined;
    });
    await ok(['delete', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new']);
    await eventually('the ConfigMap recreated', async () => {
      const r = await server.kubectl(['get', 'configmap', 'kube-root-ca.crt', '-n', 'sa-new', '-o', 'jsonpath={.data.ca\\.crt}']);
      return r.exitCode === 0 && r.stdout === ca ? true : undefined;
    });
  });
});
