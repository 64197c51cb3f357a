import { describe, expect, it } from 'vitest';
import { x509 } from '../../pki/x509.ts';
import { createCertificateAuthority } from '../../pki/certificate-authority.ts';
import { issueClientCert, issueServingCert } from '../../pki/issue-certificate.ts';
import { generateKeyPair } from '../../pki/keys.ts';
import { x509Authenticator } from './x509-authenticator.ts';

const now = new Date('2030-03-01T00:00:00Z');
const der = (pem: string) => ({ der: new Uint8Array(new x509.X509Certificate(pem).rawData) });

async function setup() {
  const clientCa = await createCertificateAuthority({ commonName: 'skiff-client-ca@1', now: new Date('2030-01-01T00:00:00Z') });
  return { clientCa, authenticator: x509Authenticator({ clientCaPem: clientCa.certPem, now: () => now }) };
}

describe('x509Authenticator()', () => {
  it('accepts a certificate signed by the client CA: CN is the user, O values the groups', async () => {
    const { clientCa, authenticator } = await setup();
    const issued = await issueClientCert({ ca: clientCa, commonName: 'system:node:edge-1', organizations: ['system:nodes'], now });
    expect(await authenticator.authenticate({ clientCertificate: der(issued.certPem) })).toEqual({
      username: 'system:node:edge-1',
      groups: ['system:nodes', 'system:authenticated'],
    });
  });

  it('rejects a self-signed certificate', async () => {
    const { authenticator } = await setup();
    const keys = await generateKeyPair();
    const selfSigned = await x509.X509CertificateGenerator.createSelfSigned({
      name: 'CN=system:admin, O=system:masters',
      keys,
      notBefore: new Date('2030-01-01T00:00:00Z'),
      notAfter: new Date('2031-01-01T00:00:00Z'),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    });
    expect(await authenticator.authenticate({ clientCertificate: der(selfSigned.toString('pem')) })).toBeUndefined();
  });

  it('rejects a certificate from another CA that has the same name as the client CA', async () => {
    const { authenticator } = await setup();
    const impostor = await createCertificateAuthority({ commonName: 'skiff-client-ca@1', now: new Date('2030-01-01T00:00:00Z') });
    const issued = await issueClientCert({ ca: impostor, commonName: 'system:admin', organizations: ['system:masters'], now });
    expect(await authenticator.authenticate({ clientCertificate: der(issued.certPem) })).toBeUndefined();
  });

  it('rejects an expired certificate', async () => {
    const { clientCa, authenticator } = await setup();
    const issued = await issueClientCert({ ca: clientCa, commonName: 'alice', days: 1, now: new Date('2030-02-01T00:00:00Z') });
    expect(await authenticator.authenticate({ clientCertificate: der(issued.certPem) })).toBeUndefined();
  });

  it('rejects a certificate that is not valid yet', async () => {
    const { clientCa, authenticator } = await setup();
    const issued = await issueClientCert({ ca: clientCa, commonName: 'alice', now: new Date('2030-06-01T00:00:00Z') });
    expect(await authenticator.authenticate({ clientCertificate: der(issued.certPem) })).toBeUndefined();
  });

  it('rejects a serving certificate, which is not for client authentication', async () => {
    const { clientCa, authenticator } = await setup();
    const issued = await issueServingCert({ ca: clientCa, commonName: 'kube-apiserver', dnsNames: ['localhost'], ipAddresses: [], now });
    expect(await authenticator.authenticate({ clientCertificate: der(issued.certPem) })).toBeUndefined();
  });

  it('ignores requests without a certificate and bytes that are not one', async () => {
    const { authenticator } = await setup();
    expect(await authenticator.authenticate({ bearerToken: 'x' })).toBeUndefined();
    expect(await authenticator.authenticate({ clientCertificate: { der: new Uint8Array([1, 2, 3]) } })).toBeUndefined();
  });
});
