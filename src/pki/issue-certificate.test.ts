import { describe, expect, it } from 'vitest';
import { x509 } from './x509.ts';
import { createCertificateAuthority } from './certificate-authority.ts';
import { issueClientCert } from './issue-certificate.ts';
import { importPrivateKeyPem, publicKeyOf } from './keys.ts';

describe('issueClientCert()', () => {
  it('issues a node identity with the node name as CN and system:nodes as O, valid for the given days', async () => {
    const ca = await createCertificateAuthority({ commonName: 'skiff-client-ca@1' });
    const now = new Date('2031-05-01T00:00:00Z');
    const issued = await issueClientCert({ ca, commonName: 'system:node:edge-1', organizations: ['system:nodes'], days: 30, now });
    const certificate = new x509.X509Certificate(issued.certPem);
    expect(certificate.subjectName.getField('CN')).toEqual(['system:node:edge-1']);
    expect(certificate.subjectName.getField('O')).toEqual(['system:nodes']);
    expect(certificate.notAfter.toISOString()).toBe('2031-05-31T00:00:00.000Z');
    expect(certificate.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
    expect(await certificate.verify({ publicKey: ca.certificate.publicKey, date: new Date('2031-05-02T00:00:00Z') })).toBe(true);
  });

  it('returns the private key that matches the certificate', async () => {
    const ca = await createCertificateAuthority({ commonName: 'skiff-client-ca@1' });
    const issued = await issueClientCert({ ca, commonName: 'alice' });
    const publicKey = await publicKeyOf(await importPrivateKeyPem(issued.keyPem));
    const certificateKey = await new x509.X509Certificate(issued.certPem).publicKey.export();
    const spki = (key: CryptoKey) => crypto.subtle.exportKey('spki', key);
    expect(new Uint8Array(await spki(publicKey))).toEqual(new Uint8Array(await spki(certificateKey)));
  });
});
