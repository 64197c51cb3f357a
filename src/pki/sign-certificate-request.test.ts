import { describe, expect, it } from 'vitest';
import { x509 } from './x509.ts';
import { createCertificateAuthority } from './certificate-authority.ts';
import { signCertificateRequest } from './sign-certificate-request.ts';

async function request(subject: string, sans: x509.JsonGeneralNames = []): Promise<string> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subject,
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: sans.length ? [new x509.SubjectAlternativeNameExtension(sans)] : [],
  });
  return csr.toString('pem');
}

describe('signCertificateRequest', () => {
  it('issues a client certificate with the request’s subject, chained to the CA, for the asked lifetime', async () => {
    const ca = await createCertificateAuthority({ commonName: 'test-ca' });
    const now = new Date('2026-01-01T00:00:00Z');
    const pem = await signCertificateRequest({ ca, requestPem: await request('CN=alice, O=dev'), usages: ['client auth', 'digital signature'], expirationSeconds: 3600, now });
    const cert = new x509.X509Certificate(pem);
    expect(cert.subject).toContain('CN=alice');
    expect(cert.subject).toContain('O=dev');
    expect(await cert.verify({ publicKey: ca.certificate.publicKey, signatureOnly: true })).toBe(true);
    expect(cert.notAfter.getTime() - now.getTime()).toBe(3600 * 1000);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
  });

  it('keeps the request’s subject alternative names for serving certificates', async () => {
    const ca = await createCertificateAuthority({ commonName: 'test-ca' });
    const pem = await signCertificateRequest({ ca, requestPem: await request('CN=system:node:n1, O=system:nodes', [{ type: 'dns', value: 'n1' }, { type: 'ip', value: '10.0.0.5' }]), usages: ['server auth'] });
    const names = new x509.X509Certificate(pem).getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON();
    expect(names).toEqual([{ type: 'dns', value: 'n1' }, { type: 'ip', value: '10.0.0.5' }]);
  });
});
