import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureClusterPki } from './cluster-pki.ts';
import { caHashOf, parseJoinToken } from './join-token.ts';
import { ensureServerToken } from './server-token.ts';

let dataDir: string;
let caPem: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skiff-token-'));
  caPem = (await ensureClusterPki({ tlsDir: join(dataDir, 'server', 'tls'), sans: { dns: [], ips: [] } })).serverCa.certPem;
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ensureServerToken()', () => {
  it('generates a full token pinned to the server CA and stores it 0600', async () => {
    const token = await ensureServerToken(dataDir);
    expect(parseJoinToken(token).caHash).toBe(await caHashOf(caPem));
    expect((await readFile(join(dataDir, 'server', 'token'), 'utf8')).trim()).toBe(token);
    expect((await stat(join(dataDir, 'server', 'token'))).mode & 0o777).toBe(0o600);
  });

  it('reuses the stored token on the next start', async () => {
    const first = await ensureServerToken(dataDir);
    expect(await ensureServerToken(dataDir)).toBe(first);
  });

  it('uses the secret given by --token in full form', async () => {
    const token = await ensureServerToken(dataDir, 'my-secret');
    expect(parseJoinToken(token)).toMatchObject({ username: 'server', secret: 'my-secret' });
    expect(await ensureServerToken(dataDir, token)).toBe(token);
  });

  it('refuses a --token that differs from the stored one', async () => {
    await ensureServerToken(dataDir, 'first');
    await expect(ensureServerToken(dataDir, 'second')).rejects.toThrow(/differs from the token stored/);
  });

  it('refuses a --token that pins another CA', async () => {
    await expect(ensureServerToken(dataDir, `K10${'0'.repeat(64)}::server:x`)).rejects.toThrow(/does not match/);
  });
});
