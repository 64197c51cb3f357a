/**
 * Leaf certificates signed by a CertificateAuthority: client certificates (identity =
 * CN as user name, O as groups, as kube-apiserver reads them) and serving certificates.
 */
import { x509 } from './x509.ts';
import type { CertificateAuthority } from './certificate-authority.ts';
import { randomSerialNumber } from './certificate-authority.ts';
import { exportPrivateKeyPem, generateKeyPair } from './keys.ts';
import { LEAF_VALIDITY_DAYS, validityWindow } from './validity.ts';

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface IssueClientCertOptions {
  ca: CertificateAuthority;
  /** The user name, e.g. `system:node:edge-1` or `system:admin`. */
  commonName: string;
  /** The groups, e.g. `system:nodes` or `system:masters`. */
  organizations?: string[];
  days?: number;
  now?: Date;
}

export interface IssueServingCertOptions {
  ca: CertificateAuthority;
  commonName: string;
  dnsNames: string[];
  ipAddresses: string[];
  days?: number;
  now?: Date;
}

export async function issueClientCert(options: IssueClientCertOptions): Promise<IssuedCertificate> {
  // Go's pkix writes O before CN; keeping that order makes `openssl x509 -subject` read as k3s' certificates do.
  const subject: x509.JsonNameParams = [
    ...(options.organizations ?? []).map((organization) => ({ O: [organization] })),
    { CN: [options.commonName] },
  ];
  return issueLeaf({
    ca: options.ca,
    subject,
    usage: x509.ExtendedKeyUsage.clientAuth,
    days: options.days,
    now: options.now,
    extraExtensions: [],
  });
}

export async function issueServingCert(options: IssueServingCertOptions): Promise<IssuedCertificate> {
  const names: x509.JsonGeneralNames = [
    ...options.dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...options.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
  ];
  return issueLeaf({
    ca: options.ca,
    subject: [{ CN: [options.commonName] }],
    usage: x509.ExtendedKeyUsage.serverAuth,
    days: options.days,
    now: options.now,
    extraExtensions: [new x509.SubjectAlternativeNameExtension(names)],
  });
}

async function issueLeaf(options: {
  ca: CertificateAuthority;
  subject: x509.JsonNameParams;
  usage: x509.ExtendedKeyUsage;
  days: number | undefined;
  now: Date | undefined;
  extraExtensions: x509.Extension[];
}): Promise<IssuedCertificate> {
  const keys = await generateKeyPair();
  const certificate = await x509.X509CertificateGenerator.create({
    subject: new x509.Name(options.subject),
    issuer: options.ca.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: options.ca.keys.privateKey,
    serialNumber: randomSerialNumber(),
    ...validityWindow(options.now ?? new Date(), options.days ?? LEAF_VALIDITY_DAYS),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([options.usage]),
      await x509.AuthorityKeyIdentifierExtension.create(options.ca.keys.publicKey),
      ...options.extraExtensions,
    ],
  });
  return { certPem: certificate.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(keys.privateKey) };
}
