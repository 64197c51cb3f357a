import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caHashOf, formatJoinToken, generateTokenSecret, parseJoinToken, tokenMatchesCa } from './join-token.ts';

const caPem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const expectedHash = createHash('sha256').update(caPem).digest('hex');

describe('formatJoinToken()', () => {
  it('writes K10<sha256 of the CA PEM>::server:<secret>', async () => {
    expect(await formatJoinToken(caPem, 's3cret')).toBe(`K10${expectedHash}::server:s3cret`);
    expect(await caHashOf(caPem)).toBe(expectedHash);
  });
});

describe('parseJoinToken()', () => {
  const cases: Array<{ name: string; token: string; expected: ReturnType<typeof parseJoinToken> }> = [
    { name: 'reads the hash, user and secret of a full token', token: `K10${expectedHash}::server:s3cret`, expected: { caHash: expectedHash, username: 'server', secret: 's3cret' } },
    { name: 'keeps colons inside the secret', token: `K10${expectedHash}::node:a:b`, expected: { caHash: expectedHash, username: 'node', secret: 'a:b' } },
    { name: 'treats a bare secret as the server user without CA pinning', token: 'just-a-secret', expected: { username: 'server', secret: 'just-a-secret' } },
    { name: 'accepts a K10 token without a hash', token: 'K10node:pw', expected: { username: 'node', secret: 'pw' } },
    { name: 'ignores surrounding whitespace such as the newline of the token file', token: `K10${expectedHash}::server:x\n`, expected: { caHash: expectedHash, username: 'server', secret: 'x' } },
  ];
  for (const { name, token, expected } of cases) {
    it(name, () => expect(parseJoinToken(token)).toEqual(expected));
  }

  it('round-trips a formatted token', async () => {
    const secret = generateTokenSecret();
    expect(parseJoinToken(await formatJoinToken(caPem, secret))).toEqual({ caHash: expectedHash, username: 'server', secret });
  });

  it.each([
    ['an empty token', ''],
    ['a hash that is not sha256 hex', 'K10abc::server:x'],
    ['a full token without a secret', `K10${expectedHash}::server:`],
    ['a full token without a user', `K10${expectedHash}::secret`],
  ])('rejects %s', (_name, token) => {
    expect(() => parseJoinToken(token)).toThrow();
  });
});

describe('tokenMatchesCa()', () => {
  it('accepts the CA the token pins and rejects any other', async () => {
    const token = parseJoinToken(await formatJoinToken(caPem, 'x'));
    expect(await tokenMatchesCa(token, caPem)).toBe(true);
    expect(await tokenMatchesCa(token, caPem.replace('MIIB', 'MIIC'))).toBe(false);
  });

  it('accepts any CA for a short token', async () => {
    expect(await tokenMatchesCa(parseJoinToken('x'), caPem)).toBe(true);
  });
});

describe('generateTokenSecret()', () => {
  it('returns 32 hex digits that differ between calls', () => {
    const a = generateTokenSecret();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(generateTokenSecret()).not.toBe(a);
  });
});
