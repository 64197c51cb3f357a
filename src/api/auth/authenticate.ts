/**
 * Authentication contracts: who a request comes from. Each credential kind has its
 * own Authenticator; the union tries them in order, as kube-apiserver's union
 * authenticator does. `undefined` means "not authenticated": the HTTP layer answers
 * 401, because Skiff has no anonymous user (DESIGN.md §4).
 */

/** The identity RBAC and admission see, as k8s.io/apiserver's user.Info. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The TLS peer certificate the HTTP adapter saw, unverified: Authenticators check it themselves. */
export interface PeerCert {
  der: Uint8Array;
}

export interface AuthenticationRequest {
  clientCertificate?: PeerCert;
  /** The value after `Bearer ` in the Authorization header. */
  bearerToken?: string;
}

export interface Authenticator {
  authenticate(request: AuthenticationRequest): Promise<UserInfo | undefined>;
}

/** Added to every authenticated user, as kube-apiserver's AuthenticatedGroupAdder. */
export const AUTHENTICATED_GROUP = 'system:authenticated';

export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  return user.groups.includes(AUTHENTICATED_GROUP) ? user : { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

/** The first authenticator that recognises the request wins; one that throws is skipped, as upstream's union. */
export function unionAuthenticator(...authenticators: Authenticator[]): Authenticator {
  return {
    async authenticate(request) {
      for (const authenticator of authenticators) {
        try {
          const user = await authenticator.authenticate(request);
          if (user) return user;
        } catch {
          // Upstream aggregates these errors only to log them; the request is still unauthenticated.
        }
      }
      return undefined;
    },
  };
}
