/**
 * Service-account tokens: JWS compact serialisation, ES256 over WebCrypto (whose
 * ECDSA signature is already the r||s form JWS wants). Verification follows
 * kube-apiserver's token authenticator: signature, issuer, time window with go-jose's
 * one-minute leeway, audiences for bound tokens, and well-formed Kubernetes claims.
 */
import { decodeBase64Url, encodeBase64Url, encodeBase64UrlText } from './base64url.ts';
import {
  DEFAULT_SERVICE_ACCOUNT_ISSUER,
  LEGACY_SERVICE_ACCOUNT_ISSUER,
  serviceAccountUsername,
  type ObjectRef,
  type ServiceAccountClaims,
} from './service-account-claims.ts';

const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** go-jose's DefaultLeeway, which kube-apiserver's validator uses for exp, nbf and iat. */
const LEEWAY_SECONDS = 60;

/** The key id kube-apiserver puts in `kid`: base64url SHA-256 of the public key's DER (SPKI). */
export async function serviceAccountKeyId(publicKey: CryptoKey): Promise<string> {
  const spki = await crypto.subtle.exportKey('spki', publicKey);
  return encodeBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)));
}

export interface SignServiceAccountTokenOptions {
  /** Key id for the header; derive with serviceAccountKeyId. Omitted when absent. */
  keyId?: string;
}

export async function signServiceAccountToken(
  privateKey: CryptoKey,
  claims: ServiceAccountClaims,
  options: SignServiceAccountTokenOptions = {},
): Promise<string> {
  const header = { alg: 'ES256', ...(options.keyId ? { kid: options.keyId } : {}) };
  const signingInput = `${encodeBase64UrlText(JSON.stringify(header))}.${encodeBase64UrlText(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(ES256, privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${encodeBase64Url(new Uint8Array(signature))}`;
}

/** What a verified token says about its bearer, bound or legacy alike. */
export interface VerifiedServiceAccountToken {
  namespace: string;
  serviceAccount: { name: string; uid?: string };
  pod?: ObjectRef;
  secret?: { name: string; uid?: string };
  node?: ObjectRef;
  /** The `jti` claim; kube-apiserver reports it as the credential id. */
  credentialId?: string;
  legacy: boolean;
  claims: ServiceAccountClaims;
}

export type VerifyServiceAccountTokenResult = { ok: true; token: VerifiedServiceAccountToken } | { ok: false; reason: string };

export interface VerifyServiceAccountTokenOptions {
  now?: Date;
  /** Accepted issuers of bound tokens (--service-account-issuer); default the in-cluster URL. */
  issuers?: string[];
  /** The API server's audiences (--api-audiences): a bound token must name one. Default: the issuers. */
  audiences?: string[];
}

export async function verifyServiceAccountToken(
  publicKeys: CryptoKey | CryptoKey[],
  token: string,
  options: VerifyServiceAccountTokenOptions = {},
): Promise<VerifyServiceAccountTokenResult> {
  const parts = token.split('.');
  if (parts.length !== 3) return fail('not a JWT');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  const signature = decodeBase64Url(signaturePart);
  if (!header || !claims || !signature) return fail('malformed JWT');
  if (header.alg !== 'ES256') return fail(`unsupported signing algorithm ${JSON.stringify(header.alg)}`);

  const signingInput = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  let signatureValid = false;
  for (const key of Array.isArray(publicKeys) ? publicKeys : [publicKeys]) {
    if (await crypto.subtle.verify(ES256, key, signature, signingInput)) {
      signatureValid = true;
      break;
    }
  }
  if (!signatureValid) return fail('invalid signature');

  if (claims.iss === LEGACY_SERVICE_ACCOUNT_ISSUER) return verifyLegacyClaims(claims);
  const issuers = options.issuers ?? [DEFAULT_SERVICE_ACCOUNT_ISSUER];
  if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss)) return fail('token issuer is not trusted');
  return verifyBoundClaims(claims, { now: options.now ?? new Date(), audiences: options.audiences ?? issuers });
}

function verifyBoundClaims(claims: Record<string, unknown>, options: { now: Date; audiences: string[] }): VerifyServiceAccountTokenResult {
  const now = Math.floor(options.now.getTime() / 1000);
  // Messages as kube-apiserver's service account validator words them.
  if (typeof claims.exp === 'number' && now > claims.exp + LEEWAY_SECONDS) return fail('service account token has expired');
  if (typeof claims.nbf === 'number' && now < claims.nbf - LEEWAY_SECONDS) return fail('service account token is not valid yet');
  if (typeof claims.iat === 'number' && now < claims.iat - LEEWAY_SECONDS) return fail('service account token is issued in the future');

  const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.some((audience) => options.audiences.includes(audience))) {
    return fail(`token audiences ${JSON.stringify(audiences)} is invalid for the target audiences ${JSON.stringify(options.audiences)}`);
  }

  const kubernetes = claims['kubernetes.io'] as BoundKubernetesClaims | undefined;
  const namespace = kubernetes?.namespace;
  const serviceAccount = kubernetes?.serviceaccount;
  if (!namespace || !serviceAccount?.name || !serviceAccount.uid) return fail('service account token claims are missing kubernetes.io fields');
  if (claims.sub !== serviceAccountUsername(namespace, serviceAccount.name)) return fail('sub does not match the service account');
  return {
    ok: true,
    token: {
      namespace,
      serviceAccount: { name: serviceAccount.name, uid: serviceAccount.uid },
      ...(isRef(kubernetes.pod) ? { pod: kubernetes.pod } : {}),
      ...(isRef(kubernetes.secret) ? { secret: kubernetes.secret } : {}),
      ...(isRef(kubernetes.node) ? { node: kubernetes.node } : {}),
      ...(typeof claims.jti === 'string' ? { credentialId: claims.jti } : {}),
      legacy: false,
      claims: claims as unknown as ServiceAccountClaims,
    },
  };
}

function verifyLegacyClaims(claims: Record<string, unknown>): VerifyServiceAccountTokenResult {
  const namespace = claims['kubernetes.io/serviceaccount/namespace'];
  const secretName = claims['kubernetes.io/serviceaccount/secret.name'];
  const name = claims['kubernetes.io/serviceaccount/service-account.name'];
  const uid = claims['kubernetes.io/serviceaccount/service-account.uid'];
  if (typeof namespace !== 'string' || !namespace) return fail('namespace claim is missing');
  if (typeof secretName !== 'string' || !secretName) return fail('secretName claim is missing');
  if (typeof name !== 'string' || !name) return fail('serviceAccountName claim is missing');
  if (typeof uid !== 'string' || !uid) return fail('serviceAccountUID claim is missing');
  if (claims.sub !== serviceAccountUsername(namespace, name)) return fail('sub does not match the service account');
  return {
    ok: true,
    token: { namespace, serviceAccount: { name, uid }, secret: { name: secretName }, legacy: true, claims: claims as unknown as ServiceAccountClaims },
  };
}

interface BoundKubernetesClaims {
  namespace?: string;
  serviceaccount?: Partial<ObjectRef>;
  pod?: unknown;
  secret?: unknown;
  node?: unknown;
}

function isRef(value: unknown): value is ObjectRef {
  return typeof value === 'object' && value !== null && typeof (value as ObjectRef).name === 'string' && typeof (value as ObjectRef).uid === 'string';
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(part);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fail(reason: string): VerifyServiceAccountTokenResult {
  return { ok: false, reason };
}
