import { describe, expect, it } from 'vitest';
import { unionAuthenticator, withAuthenticatedGroup, type Authenticator } from './authenticate.ts';

const fixed = (username: string | undefined): Authenticator => ({
  authenticate: async () => (username ? { username, groups: [] } : undefined),
});
const failing: Authenticator = {
  authenticate: async () => {
    throw new Error('lookup failed');
  },
};

describe('unionAuthenticator()', () => {
  it('returns the first authenticator that recognises the request', async () => {
    expect(await unionAuthenticator(fixed(undefined), fixed('a'), fixed('b')).authenticate({})).toEqual({ username: 'a', groups: [] });
  });

  it('skips an authenticator that fails', async () => {
    expect(await unionAuthenticator(failing, fixed('b')).authenticate({})).toEqual({ username: 'b', groups: [] });
  });

  it('returns undefined when nobody recognises the request, so the caller answers 401', async () => {
    expect(await unionAuthenticator(fixed(undefined), failing).authenticate({})).toBeUndefined();
  });
});

describe('withAuthenticatedGroup()', () => {
  it('adds system:authenticated once', () => {
    const user = withAuthenticatedGroup({ username: 'a', groups: ['g'] });
    expect(user.groups).toEqual(['g', 'system:authenticated']);
    expect(withAuthenticatedGroup(user).groups).toEqual(['g', 'system:authenticated']);
  });
});
