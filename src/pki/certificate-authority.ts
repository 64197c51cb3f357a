/**
 * A certificate authority: its certificate, its key and their PEM forms. Skiff keeps
 * two, as k3s does: the server CA (trust anchor for the serving certificate, its hash
 * is in the join token) and the client CA (signs client certificates the API server
 * accepts as identities).
 */
import { x509 } from './x509.ts';
import { exportPrivateKeyPem, generateKeyPair, importKeyPairPem } from './keys.ts';
import { CA_VALIDITY_DAYS, validityWindow } from './validity.ts';

export interface CertificateAuthority {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  certPem: string;
  keyPem: string;
}

export interface CreateCertificateAuthorityOptions {
  /** As k3s: `<name>@<unix seconds>`, so a regenerated CA never shares a subject with the old one. */
  commonName: string;
  now?: Date;
  days?: number;
}

export async function createCertificateAuthority(options: CreateCertificateAuthorityOptions): Promise<CertificateAuthority> {
  const now = options.now ?? new Date();
  const keys = await generateKeyPair();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [options.commonName] }],
    keys,
    serialNumber: randomSerialNumber(),
    ...validityWindow(now, options.days ?? CA_VALIDITY_DAYS),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys, certPem: certificate.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

export async function loadCertificateAuthority(pems: { certPem: string; keyPem: string }): Promise<CertificateAuthority> {
  return {
    certificate: new x509.X509Certificate(pems.certPem),
    keys: await importKeyPairPem(pems.keyPem),
    certPem: pems.certPem,
    keyPem: pems.keyPem,
  };
}

/** 16 random bytes with the top bit cleared: X.509 serials must be positive (RFC 5280 §4.1.2.2). */
export function randomSerialNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
