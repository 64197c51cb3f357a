/**
 * The server's certificates and keys under DATA/server/tls, laid out as k3s lays out
 * its own (server-ca, client-ca, serving-kube-apiserver, client-admin, service
 * account signing key). Idempotent: reuses what exists and replaces only what is
 * missing, expiring, signed by another CA, or (serving certificate) naming other SANs.
 */
import { join } from 'node:path';
import { x509 } from './x509.ts';
import { createCertificateAuthority, loadCertificateAuthority, type CertificateAuthority } from './certificate-authority.ts';
import { issueClientCert, issueServingCert, type IssuedCertificate } from './issue-certificate.ts';
import { exportPrivateKeyPem, generateKeyPair } from './keys.ts';
import { PUBLIC_FILE_MODE, SECRET_FILE_MODE, readTextIfExists, writeTextFile } from './pem-files.ts';
import { completeServingSans, sameSans, sansOfCertificate, type SubjectAltNames } from './serving-sans.ts';
import { needsRenewal } from './validity.ts';

export const TLS_FILES = {
  serverCaCert: 'server-ca.crt',
  serverCaKey: 'server-ca.key',
  clientCaCert: 'client-ca.crt',
  clientCaKey: 'client-ca.key',
  servingCert: 'serving-kube-apiserver.crt',
  servingKey: 'serving-kube-apiserver.key',
  adminCert: 'client-admin.crt',
  adminKey: 'client-admin.key',
  serviceAccountKey: 'service-account.key',
} as const;

export interface EnsureClusterPkiOptions {
  /** DATA/server/tls */
  tlsDir: string;
  /**
   * Names beyond the defaults (loopback, `kubernetes.default.svc...`): the hostname, the
   * node and advertise IPs, the first service IP (10.43.0.1) and every --tls-san.
   */
  sans: SubjectAltNames;
  /** For `kubernetes.default.svc.<domain>`; defaults to cluster.local. */
  clusterDomain?: string;
  now?: Date;
}

export interface ClusterPki {
  serverCa: CertificateAuthority;
  clientCa: CertificateAuthority;
  serving: IssuedCertificate;
  admin: IssuedCertificate;
  serviceAccountKeyPem: string;
}

export async function ensureClusterPki(options: EnsureClusterPkiOptions): Promise<ClusterPki> {
  const now = options.now ?? new Date();
  const file = (name: string) => join(options.tlsDir, name);
  const seconds = Math.floor(now.getTime() / 1000);

  const serverCa = await loadOrCreateCa({ certPath: file(TLS_FILES.serverCaCert), keyPath: file(TLS_FILES.serverCaKey), commonName: `skiff-server-ca@${seconds}`, now });
  const clientCa = await loadOrCreateCa({ certPath: file(TLS_FILES.clientCaCert), keyPath: file(TLS_FILES.clientCaKey), commonName: `skiff-client-ca@${seconds}`, now });

  const wantedSans = completeServingSans(options.sans, options.clusterDomain);
  const serving = await loadOrIssueLeaf({
    certPath: file(TLS_FILES.servingCert),
    keyPath: file(TLS_FILES.servingKey),
    ca: serverCa,
    now,
    stillFits: (certificate) => sameSans(sansOfCertificate(certificate), wantedSans),
    issue: () => issueServingCert({ ca: serverCa, commonName: 'kube-apiserver', dnsNames: wantedSans.dns, ipAddresses: wantedSans.ips, now }),
  });
  const admin = await loadOrIssueLeaf({
    certPath: file(TLS_FILES.adminCert),
    keyPath: file(TLS_FILES.adminKey),
    ca: clientCa,
    now,
    stillFits: () => true,
    issue: () => issueClientCert({ ca: clientCa, commonName: 'system:admin', organizations: ['system:masters'], now }),
  });

  let serviceAccountKeyPem = await readTextIfExists(file(TLS_FILES.serviceAccountKey));
  if (serviceAccountKeyPem === undefined) {
    serviceAccountKeyPem = await exportPrivateKeyPem((await generateKeyPair()).privateKey);
    await writeTextFile({ path: file(TLS_FILES.serviceAccountKey), text: serviceAccountKeyPem, mode: SECRET_FILE_MODE });
  }

  return { serverCa, clientCa, serving, admin, serviceAccountKeyPem };
}

async function loadOrCreateCa(options: { certPath: string; keyPath: string; commonName: string; now: Date }): Promise<CertificateAuthority> {
  const certPem = await readTextIfExists(options.certPath);
  const keyPem = await readTextIfExists(options.keyPath);
  if (certPem !== undefined && keyPem !== undefined) return loadCertificateAuthority({ certPem, keyPem });
  // A CA certificate without its key cannot sign, and replacing it would silently break
  // every client that trusts it (and every join token): the operator has to decide.
  if (certPem !== undefined) throw new Error(`${options.certPath} exists but its key ${options.keyPath} is missing`);
  const ca = await createCertificateAuthority({ commonName: options.commonName, now: options.now });
  // Key first: a crash between the two writes leaves a key without a certificate, which the next start replaces.
  await writeTextFile({ path: options.keyPath, text: ca.keyPem, mode: SECRET_FILE_MODE });
  await writeTextFile({ path: options.certPath, text: ca.certPem, mode: PUBLIC_FILE_MODE });
  return ca;
}

async function loadOrIssueLeaf(options: {
  certPath: string;
  keyPath: string;
  ca: CertificateAuthority;
  now: Date;
  stillFits: (certificate: x509.X509Certificate) => boolean;
  issue: () => Promise<IssuedCertificate>;
}): Promise<IssuedCertificate> {
  const certPem = await readTextIfExists(options.certPath);
  const keyPem = await readTextIfExists(options.keyPath);
  if (certPem !== undefined && keyPem !== undefined) {
    const certificate = new x509.X509Certificate(certPem);
    const signedByCa = await certificate.verify({ publicKey: options.ca.certificate.publicKey, signatureOnly: true });
    if (signedByCa && !needsRenewal(certificate.notAfter, options.now) && options.stillFits(certificate)) return { certPem, keyPem };
  }
  const issued = await options.issue();
  await writeTextFile({ path: options.keyPath, text: issued.keyPem, mode: SECRET_FILE_MODE });
  await writeTextFile({ path: options.certPath, text: issued.certPem, mode: PUBLIC_FILE_MODE });
  return issued;
}
