/**
 * The join token, as k3s spells it (DESIGN.md §3):
 *   K10<sha256 hex of the cluster CA PEM>::<username>:<secret>
 * The hash lets a joining agent trust the CA it downloads from /cacerts before it
 * trusts anything else; the secret proves it may join.
 */

const TOKEN_PREFIX = 'K10';
/** k3s' default user for the server token. */
export const SERVER_TOKEN_USERNAME = 'server';

export interface JoinToken {
  /** Absent for a short token (secret only), which can only be used without CA pinning. */
  caHash?: string;
  username: string;
  secret: string;
}

/** Lower-case hex SHA-256 of the CA bundle exactly as the server stores and serves it. */
export async function caHashOf(caPem: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(caPem));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function formatJoinToken(caPem: string, secret: string, username = SERVER_TOKEN_USERNAME): Promise<string> {
  return `${TOKEN_PREFIX}${await caHashOf(caPem)}::${username}:${secret}`;
}

/**
 * Parses a full token or a bare secret. As k3s: a bare secret belongs to the `server`
 * user; a `K10` token without `::` carries `username:secret` without a CA hash.
 * Throws on a malformed full token, naming what is wrong.
 */
export function parseJoinToken(text: string): JoinToken {
  const token = text.trim();
  if (token === '') throw new Error('token must not be empty');
  if (!token.startsWith(TOKEN_PREFIX)) return { username: SERVER_TOKEN_USERNAME, secret: token };

  let rest = token.slice(TOKEN_PREFIX.length);
  let caHash: string | undefined;
  const separator = rest.indexOf('::');
  if (separator >= 0) {
    caHash = rest.slice(0, separator).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(caHash)) throw new Error('invalid token format: the CA hash must be 64 hex digits (sha256)');
    rest = rest.slice(separator + 2);
  }
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) throw new Error('invalid token format: expected K10<ca hash>::<username>:<secret>');
  return { ...(caHash ? { caHash } : {}), username: rest.slice(0, colon), secret: rest.slice(colon + 1) };
}

/** True when the token pins no CA, or pins exactly this one. */
export async function tokenMatchesCa(token: JoinToken, caPem: string): Promise<boolean> {
  return token.caHash === undefined || token.caHash === (await caHashOf(caPem));
}

/** A random secret as k3s generates one: 16 random bytes in hex. */
export function generateTokenSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
