/**
 * Bearer-token authentication for service accounts, as kube-apiserver's
 * service-account token authenticator: verify the JWT, optionally confirm the
 * objects it is bound to still exist, then map it to the service account's user.
 */
import { verifyServiceAccountToken, type VerifiedServiceAccountToken } from '../../pki/service-account-token.ts';
import { serviceAccountUsername } from '../../pki/service-account-claims.ts';
import { AUTHENTICATED_GROUP, type Authenticator, type UserInfo } from './authenticate.ts';

export interface ServiceAccountAuthenticatorOptions {
  /** Public halves of the service-account signing keys (service-account.key). */
  publicKeys: CryptoKey[];
  issuers?: string[];
  audiences?: string[];
  /**
   * Upstream rejects a token whose ServiceAccount, Pod or Secret was deleted (or
   * recreated with another uid). The API server answers this from its cache.
   */
  lookup?: (token: VerifiedServiceAccountToken) => boolean | Promise<boolean>;
  now?: () => Date;
}

export function serviceAccountAuthenticator(options: ServiceAccountAuthenticatorOptions): Authenticator {
  return {
    async authenticate({ bearerToken }) {
      // Only JWTs are ours; other bearer tokens belong to other authenticators.
      if (!bearerToken || bearerToken.split('.').length !== 3) return undefined;
      const result = await verifyServiceAccountToken(options.publicKeys, bearerToken, {
        now: options.now?.(),
        issuers: options.issuers,
        audiences: options.audiences,
      });
      if (!result.ok) return undefined;
      if (options.lookup && !(await options.lookup(result.token))) return undefined;
      return serviceAccountUser(result.token);
    },
  };
}

/** The user info of a service account, with the extra keys kube-apiserver sets for bound tokens. */
export function serviceAccountUser(token: VerifiedServiceAccountToken): UserInfo {
  const extra: Record<string, string[]> = {};
  if (token.pod) {
    extra['authentication.kubernetes.io/pod-name'] = [token.pod.name];
    extra['authentication.kubernetes.io/pod-uid'] = [token.pod.uid];
  }
  if (token.node) {
    extra['authentication.kubernetes.io/node-name'] = [token.node.name];
    extra['authentication.kubernetes.io/node-uid'] = [token.node.uid];
  }
  if (token.credentialId) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${token.credentialId}`];
  return {
    username: serviceAccountUsername(token.namespace, token.serviceAccount.name),
    ...(token.serviceAccount.uid ? { uid: token.serviceAccount.uid } : {}),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${token.namespace}`, AUTHENTICATED_GROUP],
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}
