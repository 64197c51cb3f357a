import { describe, expect, it } from 'vitest';
import { generateKeyPair } from './keys.ts';
import { boundServiceAccountClaims, legacyServiceAccountClaims } from './service-account-claims.ts';
import { serviceAccountKeyId, signServiceAccountToken, verifyServiceAccountToken } from './service-account-token.ts';
import { decodeBase64Url } from './base64url.ts';

const now = new Date('2030-06-01T12:00:00Z');
const serviceAccount = { name: 'builder', uid: 'sa-uid' };

async function tokenFor(options: { expirationSeconds?: number; audiences?: string[] } = {}) {
  const keys = await generateKeyPair();
  const claims = boundServiceAccountClaims({ namespace: 'ci', serviceAccount, pod: { name: 'p', uid: 'pod-uid' }, now, ...options });
  return { keys, token: await signServiceAccountToken(keys.privateKey, claims, { keyId: await serviceAccountKeyId(keys.publicKey) }) };
}

describe('signServiceAccountToken()', () => {
  it('writes an ES256 JWT with kid and upstream claim shape', async () => {
    const { token } = await tokenFor();
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(new TextDecoder().decode(decodeBase64Url(part)!)));
    expect(header).toMatchObject({ alg: 'ES256', kid: expect.any(String) });
    expect(payload).toMatchObject({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:ci:builder',
      aud: ['https://kubernetes.default.svc.cluster.local'],
      iat: now.getTime() / 1000,
      nbf: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 3600,
      'kubernetes.io': { namespace: 'ci', serviceaccount: serviceAccount, pod: { name: 'p', uid: 'pod-uid' } },
    });
    expect(typeof payload.jti).toBe('string');
  });
});

describe('verifyServiceAccountToken()', () => {
  it('accepts a token signed with the key and reports who it is for', async () => {
    const { keys, token } = await tokenFor();
    const result = await verifyServiceAccountToken(keys.publicKey, token, { now });
    expect(result).toMatchObject({ ok: true, token: { namespace: 'ci', serviceAccount, pod: { name: 'p', uid: 'pod-uid' }, legacy: false } });
  });

  it('rejects a token signed with another key', async () => {
    const { token } = await tokenFor();
    const other = await generateKeyPair();
    expect(await verifyServiceAccountToken(other.publicKey, token, { now })).toEqual({ ok: false, reason: 'invalid signature' });
  });

  it('rejects a token whose payload was altered', async () => {
    const { keys, token } = await tokenFor();
    const [header, , signature] = token.split('.');
    const forged = btoa(JSON.stringify({ sub: 'system:serviceaccount:kube-system:admin' })).replace(/=+$/, '');
    expect((await verifyServiceAccountToken(keys.publicKey, `${header}.${forged}.${signature}`, { now })).ok).toBe(false);
  });

  it('accepts a token within the one-minute leeway after expiry and rejects it after', async () => {
    const { keys, token } = await tokenFor({ expirationSeconds: 600 });
    expect((await verifyServiceAccountToken(keys.publicKey, token, { now: new Date(now.getTime() + 630_000) })).ok).toBe(true);
    expect(await verifyServiceAccountToken(keys.publicKey, token, { now: new Date(now.getTime() + 661_000) })).toEqual({
      ok: false,
      reason: 'service account token has expired',
    });
  });

  it('rejects a token not valid yet', async () => {
    const { keys, token } = await tokenFor();
    const result = await verifyServiceAccountToken(keys.publicKey, token, { now: new Date(now.getTime() - 3600_000) });
    expect(result).toEqual({ ok: false, reason: 'service account token is not valid yet' });
  });

  it('rejects a token for another audience', async () => {
    const { keys, token } = await tokenFor({ audiences: ['vault'] });
    const result = await verifyServiceAccountToken(keys.publicKey, token, { now });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/token audiences \["vault"\] is invalid/);
  });

  it('rejects garbage', async () => {
    const keys = await generateKeyPair();
    for (const token of ['', 'a.b', 'a.b.c', '!!.??.##']) {
      expect((await verifyServiceAccountToken(keys.publicKey, token, { now })).ok).toBe(false);
    }
  });

  it('accepts a legacy secret-based token without expiry', async () => {
    const keys = await generateKeyPair();
    const token = await signServiceAccountToken(keys.privateKey, legacyServiceAccountClaims({ namespace: 'ci', serviceAccount, secretName: 'builder-token' }));
    const result = await verifyServiceAccountToken(keys.publicKey, token, { now: new Date('2099-01-01T00:00:00Z') });
    expect(result).toMatchObject({ ok: true, token: { namespace: 'ci', serviceAccount, secret: { name: 'builder-token' }, legacy: true } });
  });
});
