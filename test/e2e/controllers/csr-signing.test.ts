import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { x509 } from '../../../src/pki/x509.ts';
import { exportPrivateKeyPem } from '../../../src/pki/keys.ts';
import { adminCredentials, startServer, type RunningServer } from '../harness/server.ts';
import { eventually } from './poll.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

describe('certificate signing requests', () => {
  it('signs an approved kube-apiserver-client request with a certificate the API server accepts', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=alice, O=developers', keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } });
    const csr = {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { name: 'alice' },
      spec: { request: Buffer.from(request.toString('pem')).toString('base64'), signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], expirationSeconds: 3600 },
    };
    expect((await server.kubectl(['apply', '-f', '-'], { input: JSON.stringify(csr) })).exitCode).toBe(0);
    expect((await server.kubectl(['get', 'csr', 'alice'])).stdout).toMatch(/alice\s+\d+s\s+kubernetes.io\/kube-apiserver-client\s+system:admin\s+60m\s+Pending/);
    expect((await server.kubectl(['certificate', 'approve', 'alice'])).stdout).toContain('approved');
    const issued = await eventually('the certificate', async () => {
      const out = (await server.kubectl(['get', 'csr', 'alice', '-o', 'jsonpath={.status.certificate}'])).stdout.trim();
      return out || undefined;
    });
    expect((await server.kubectl(['get', 'csr', 'alice'])).stdout).toMatch(/Approved,Issued/);

    // The issued certificate authenticates as alice in group developers.
    const admin = await adminCredentials(server);
    const kubeconfig = join(server.dataDir, 'alice.yaml');
    await writeFile(kubeconfig, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'alice',
      clusters: [{ name: 'c', cluster: { server: admin.server, 'certificate-authority-data': Buffer.from(admin.ca).toString('base64') } }],
      users: [{ name: 'alice', user: { 'client-certificate-data': issued, 'client-key-data': Buffer.from(await exportPrivateKeyPem(keys.privateKey)).toString('base64') } }],
      contexts: [{ name: 'alice', context: { cluster: 'c', user: 'alice' } }],
    }));
    const whoami = await server.kubectl(['--kubeconfig', kubeconfig, 'auth', 'whoami', '-o', 'json']);
    expect(whoami.exitCode, whoami.stderr).toBe(0);
    const review = JSON.parse(whoami.stdout);
    expect(review.status.userInfo.username).toBe('alice');
    expect(review.status.userInfo.groups).toContain('developers');
  });
});
