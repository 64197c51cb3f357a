/**
 * Signs a PKCS#10 certificate request with a CA, as kube-controller-manager's CSR signer: the
 * subject comes from the request, the extended key usages from the CSR object's `usages`, the
 * subject alternative names from the request's own extension, and the lifetime from
 * `expirationSeconds` (capped at the signer's maximum, a year here as k3s' leaves).
 */
import { x509 } from './x509.ts';
import type { CertificateAuthority } from './certificate-authority.ts';
import { randomSerialNumber } from './certificate-authority.ts';
import { LEAF_VALIDITY_DAYS } from './validity.ts';

const USAGE_OIDS: Record<string, string> = {
  'client auth': x509.ExtendedKeyUsage.clientAuth,
  'server auth': x509.ExtendedKeyUsage.serverAuth,
  'code signing': x509.ExtendedKeyUsage.codeSigning,
  'email protection': x509.ExtendedKeyUsage.emailProtection,
};

export interface SignCertificateRequestOptions {
  ca: CertificateAuthority;
  /** The request, PEM (`-----BEGIN CERTIFICATE REQUEST-----`). */
  requestPem: string;
  /** certificates.k8s.io usages: `client auth`, `server auth`, `digital signature`... */
  usages: string[];
  expirationSeconds?: number;
  now?: Date;
}

export async function signCertificateRequest(options: SignCertificateRequestOptions): Promise<string> {
  const request = new x509.Pkcs10CertificateRequest(options.requestPem);
  if (!(await request.verify())) throw new Error('the certificate request is not signed by its own key');
  const now = options.now ?? new Date();
  const maxSeconds = LEAF_VALIDITY_DAYS * 24 * 3600;
  const seconds = Math.min(options.expirationSeconds ?? maxSeconds, maxSeconds);
  const ekus = options.usages.map((u) => USAGE_OIDS[u]).filter((oid): oid is string => !!oid);
  const sans = request.extensions.filter((e) => e instanceof x509.SubjectAlternativeNameExtension);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: request.subjectName,
    issuer: options.ca.certificate.subjectName,
    publicKey: request.publicKey,
    signingKey: options.ca.keys.privateKey,
    serialNumber: randomSerialNumber(),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + seconds * 1000),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      ...(ekus.length ? [new x509.ExtendedKeyUsageExtension(ekus)] : []),
      await x509.AuthorityKeyIdentifierExtension.create(options.ca.keys.publicKey),
      ...sans,
    ],
  });
  return certificate.toString('pem') + '\n';
}
