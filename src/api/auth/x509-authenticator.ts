/**
 * Client-certificate authentication, as kube-apiserver's x509 authenticator: the
 * certificate must chain to the client CA, be within its validity period and be
 * usable for client auth; the user is its CN and the groups its O values.
 */
import { x509 } from '../../pki/x509.ts';
import { AUTHENTICATED_GROUP, type Authenticator, type UserInfo } from './authenticate.ts';

export interface X509AuthenticatorOptions {
  /** client-ca.crt: one or more PEM certificates. */
  clientCaPem: string;
  now?: () => Date;
}

export function x509Authenticator(options: X509AuthenticatorOptions): Authenticator {
  const authorities = x509.PemConverter.decode(options.clientCaPem).map((der) => new x509.X509Certificate(der));
  if (authorities.length === 0) throw new Error('the client CA bundle holds no certificate');
  const now = options.now ?? (() => new Date());
  return {
    async authenticate({ clientCertificate }) {
      if (!clientCertificate) return undefined;
      let certificate: x509.X509Certificate;
      try {
        certificate = new x509.X509Certificate(clientCertificate.der as Uint8Array<ArrayBuffer>);
      } catch {
        return undefined;
      }
      const at = now();
      if (!withinValidity(certificate, at) || !allowsClientAuth(certificate)) return undefined;
      if (!(await signedByOneOf(certificate, authorities, at))) return undefined;
      return userOf(certificate);
    },
  };
}

async function signedByOneOf(certificate: x509.X509Certificate, authorities: x509.X509Certificate[], at: Date): Promise<boolean> {
  for (const authority of authorities) {
    if (authority.subject !== certificate.issuer || !withinValidity(authority, at)) continue;
    if (await certificate.verify({ publicKey: authority.publicKey, signatureOnly: true })) return true;
  }
  return false;
}

function withinValidity(certificate: x509.X509Certificate, at: Date): boolean {
  return certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
}

/** Go's chain verification with ExtKeyUsageClientAuth: no EKU extension, clientAuth, or any-purpose pass. */
function allowsClientAuth(certificate: x509.X509Certificate): boolean {
  const extension = certificate.getExtension(x509.ExtendedKeyUsageExtension);
  if (!extension) return true;
  return extension.usages.some((usage) => usage === x509.ExtendedKeyUsage.clientAuth || usage === '2.5.29.37.0');
}

/** As upstream's CommonNameUserConversion: a certificate without a CN identifies nobody. */
function userOf(certificate: x509.X509Certificate): UserInfo | undefined {
  const [username] = certificate.subjectName.getField('CN');
  if (!username) return undefined;
  return { username, groups: [...certificate.subjectName.getField('O'), AUTHENTICATED_GROUP] };
}
