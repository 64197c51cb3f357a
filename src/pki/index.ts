/**
 * The pki package's public surface: what cmd/server, the agent and src/api call.
 * Each export lives in a file named after its job.
 */
export { ensureClusterPki, TLS_FILES, type ClusterPki, type EnsureClusterPkiOptions } from './cluster-pki.ts';
export { createCertificateAuthority, loadCertificateAuthority, type CertificateAuthority } from './certificate-authority.ts';
export { issueClientCert, issueServingCert, type IssuedCertificate } from './issue-certificate.ts';
export { completeServingSans, defaultServingSans, splitTlsSans, type SubjectAltNames } from './serving-sans.ts';
export { caHashOf, formatJoinToken, generateTokenSecret, parseJoinToken, tokenMatchesCa, type JoinToken } from './join-token.ts';
export { ensureServerToken } from './server-token.ts';
export { renderKubeconfig, writeKubeconfig, type WriteKubeconfigOptions } from './kubeconfig.ts';
export { exportPrivateKeyPem, importKeyPairPem, importPrivateKeyPem, importPublicKeyPem, publicKeyOf } from './keys.ts';
export {
  boundServiceAccountClaims,
  legacyServiceAccountClaims,
  parseServiceAccountUsername,
  serviceAccountUsername,
  DEFAULT_SERVICE_ACCOUNT_ISSUER,
  type ServiceAccountClaims,
} from './service-account-claims.ts';
export {
  serviceAccountKeyId,
  signServiceAccountToken,
  verifyServiceAccountToken,
  type VerifiedServiceAccountToken,
  type VerifyServiceAccountTokenOptions,
} from './service-account-token.ts';
export { signCertificateRequest, type SignCertificateRequestOptions } from './sign-certificate-request.ts';
