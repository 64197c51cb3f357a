import { describe, expect, it } from 'vitest';
import { formatJoinToken } from '../../pki/join-token.ts';
import { joinTokenAuthenticator } from './join-token-authenticator.ts';

const authenticator = joinTokenAuthenticator({ secret: 'cluster-secret' });
const bootstrapUser = { username: 'node', groups: ['system:bootstrappers', 'system:authenticated'] };

describe('joinTokenAuthenticator()', () => {
  it('accepts the bare secret as the bootstrap user', async () => {
    expect(await authenticator.authenticate({ bearerToken: 'cluster-secret' })).toEqual(bootstrapUser);
  });

  it('accepts the full token', async () => {
    const token = await formatJoinToken('CA PEM', 'cluster-secret');
    expect(await authenticator.authenticate({ bearerToken: token })).toEqual(bootstrapUser);
  });

  it.each([['a wrong secret', 'cluster-secreT'], ['a prefix of the secret', 'cluster'], ['an empty token', '']])('rejects %s', async (_name, bearerToken) => {
    expect(await authenticator.authenticate({ bearerToken })).toBeUndefined();
  });
});
