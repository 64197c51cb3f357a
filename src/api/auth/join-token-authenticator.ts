/**
 * The server's own join-token secret as a bearer token: an agent presents it before it
 * has node credentials. As k3s, it authenticates the `node` user in the
 * `system:bootstrappers` group, which may only ask for its node credentials.
 */
import { parseJoinToken } from '../../pki/join-token.ts';
import { AUTHENTICATED_GROUP, type Authenticator } from './authenticate.ts';

export const BOOTSTRAP_USER = 'node';
export const BOOTSTRAPPERS_GROUP = 'system:bootstrappers';

export interface JoinTokenAuthenticatorOptions {
  /** The secret part of DATA/server/token. */
  secret: string;
}

export function joinTokenAuthenticator(options: JoinTokenAuthenticatorOptions): Authenticator {
  return {
    async authenticate({ bearerToken }) {
      if (!bearerToken) return undefined;
      let presented: string;
      try {
        // The full token and the bare secret are both accepted, as agents may hold either.
        presented = parseJoinToken(bearerToken).secret;
      } catch {
        return undefined;
      }
      if (!constantTimeEqual(presented, options.secret)) return undefined;
      return { username: BOOTSTRAP_USER, groups: [BOOTSTRAPPERS_GROUP, AUTHENTICATED_GROUP] };
    },
  };
}

/** Compares without an early exit, so response time does not reveal how much of a guess was right. */
function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
