/**
 * The claims of service-account tokens, shaped as kube-apiserver writes them
 * (pkg/serviceaccount/claims.go and legacy.go), so clients that decode a token
 * (kubectl, client libraries, workloads reading their projected token) see upstream's
 * layout.
 */

/** kube-apiserver's default --service-account-issuer and --api-audiences. */
export const DEFAULT_SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The issuer of legacy tokens kept in `kubernetes.io/service-account-token` Secrets. */
export const LEGACY_SERVICE_ACCOUNT_ISSUER = 'kubernetes/serviceaccount';
const SERVICE_ACCOUNT_USER_PREFIX = 'system:serviceaccount:';

export interface ObjectRef {
  name: string;
  uid: string;
}

/** A bound token (TokenRequest API, projected volumes). */
export interface BoundServiceAccountClaims {
  iss: string;
  sub: string;
  aud: string[];
  exp: number;
  nbf: number;
  iat: number;
  jti?: string;
  'kubernetes.io': {
    namespace: string;
    serviceaccount: ObjectRef;
    pod?: ObjectRef;
    secret?: ObjectRef;
    node?: ObjectRef;
    warnafter?: number;
  };
}

/** A legacy token: never expires, bound to a Secret that must still exist. */
export interface LegacyServiceAccountClaims {
  iss: typeof LEGACY_SERVICE_ACCOUNT_ISSUER;
  sub: string;
  'kubernetes.io/serviceaccount/namespace': string;
  'kubernetes.io/serviceaccount/secret.name': string;
  'kubernetes.io/serviceaccount/service-account.name': string;
  'kubernetes.io/serviceaccount/service-account.uid': string;
}

export type ServiceAccountClaims = BoundServiceAccountClaims | LegacyServiceAccountClaims;

export interface BoundClaimsRequest {
  namespace: string;
  serviceAccount: ObjectRef;
  /** Default: the issuer, as kube-apiserver defaults --api-audiences. */
  audiences?: string[];
  /** TokenRequest's expirationSeconds; default 3600 as upstream. */
  expirationSeconds?: number;
  pod?: ObjectRef;
  secret?: ObjectRef;
  node?: ObjectRef;
  issuer?: string;
  now?: Date;
  /** The credential id (`jti`); random by default. */
  id?: string;
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USER_PREFIX}${namespace}:${name}`;
}

/** Splits `system:serviceaccount:NS:NAME`; undefined for any other user name. */
export function parseServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_USER_PREFIX)) return undefined;
  const [namespace, name, ...rest] = username.slice(SERVICE_ACCOUNT_USER_PREFIX.length).split(':');
  if (!namespace || !name || rest.length > 0) return undefined;
  return { namespace, name };
}

export function boundServiceAccountClaims(request: BoundClaimsRequest): BoundServiceAccountClaims {
  const issuer = request.issuer ?? DEFAULT_SERVICE_ACCOUNT_ISSUER;
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  return {
    aud: request.audiences ?? [issuer],
    exp: issuedAt + (request.expirationSeconds ?? 3600),
    iat: issuedAt,
    iss: issuer,
    jti: request.id ?? crypto.randomUUID(),
    'kubernetes.io': {
      namespace: request.namespace,
      ...(request.node ? { node: request.node } : {}),
      ...(request.pod ? { pod: request.pod } : {}),
      ...(request.secret ? { secret: request.secret } : {}),
      serviceaccount: request.serviceAccount,
    },
    nbf: issuedAt,
    sub: serviceAccountUsername(request.namespace, request.serviceAccount.name),
  };
}

export function legacyServiceAccountClaims(request: { namespace: string; serviceAccount: ObjectRef; secretName: string }): LegacyServiceAccountClaims {
  return {
    iss: LEGACY_SERVICE_ACCOUNT_ISSUER,
    'kubernetes.io/serviceaccount/namespace': request.namespace,
    'kubernetes.io/serviceaccount/secret.name': request.secretName,
    'kubernetes.io/serviceaccount/service-account.name': request.serviceAccount.name,
    'kubernetes.io/serviceaccount/service-account.uid': request.serviceAccount.uid,
    sub: serviceAccountUsername(request.namespace, request.serviceAccount.name),
  };
}
