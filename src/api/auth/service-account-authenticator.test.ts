import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../pki/keys.ts';
import { boundServiceAccountClaims } from '../../pki/service-account-claims.ts';
import { signServiceAccountToken } from '../../pki/service-account-token.ts';
import { serviceAccountAuthenticator } from './service-account-authenticator.ts';

const now = new Date('2030-06-01T12:00:00Z');

async function setup(lookup?: () => boolean) {
  const keys = await generateKeyPair();
  const claims = boundServiceAccountClaims({
    namespace: 'ci',
    serviceAccount: { name: 'builder', uid: 'sa-uid' },
    pod: { name: 'runner', uid: 'pod-uid' },
    id: 'token-id',
    now,
  });
  const token = await signServiceAccountToken(keys.privateKey, claims);
  const authenticator = (at: Date) => serviceAccountAuthenticator({ publicKeys: [keys.publicKey], lookup, now: () => at });
  return { token, authenticator };
}

describe('serviceAccountAuthenticator()', () => {
  it('maps a valid token to the service account user, its groups and the bound pod', async () => {
    const { token, authenticator } = await setup();
    expect(await authenticator(now).authenticate({ bearerToken: token })).toEqual({
      username: 'system:serviceaccount:ci:builder',
      uid: 'sa-uid',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
      extra: {
        'authentication.kubernetes.io/pod-name': ['runner'],
        'authentication.kubernetes.io/pod-uid': ['pod-uid'],
        'authentication.kubernetes.io/credential-id': ['JTI=token-id'],
      },
    });
  });

  it('rejects the token once it has expired', async () => {
    const { token, authenticator } = await setup();
    expect(await authenticator(new Date(now.getTime() + 2 * 3600_000)).authenticate({ bearerToken: token })).toBeUndefined();
  });

  it('rejects the token when the lookup says its objects are gone', async () => {
    const { token, authenticator } = await setup(() => false);
    expect(await authenticator(now).authenticate({ bearerToken: token })).toBeUndefined();
  });

  it('leaves bearer tokens that are not JWTs to other authenticators', async () => {
    const { authenticator } = await setup();
    expect(await authenticator(now).authenticate({ bearerToken: 'abcdef.0123456789abcdef' })).toBeUndefined();
  });
});
