import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kubeconfigCredentials } from './kubeconfig-credentials.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

async function withFiles(files: Record<string, string>): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), 'skiff-kubeconfig-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}

function config(cluster: Record<string, unknown>, user: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443', ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
    ...extra,
  };
}

describe('kubeconfigCredentials', () => {
  it('reads embedded CA, client certificate and key', async () => {
    const creds = await kubeconfigCredentials({
      config: config({ 'certificate-authority-data': b64('CA') }, { 'client-certificate-data': b64('CERT'), 'client-key-data': b64('KEY') }),
      folder: '/nowhere',
    });
    expect(creds).toEqual({ server: 'https://127.0.0.1:6443', caPem: 'CA', certPem: 'CERT', keyPem: 'KEY', bearerToken: undefined, insecureSkipTlsVerify: false });
  });

  it('reads credential files relative to the kubeconfig folder, and a token file', async () => {
    const dir = await withFiles({ 'ca.crt': 'CA', 'token': 'secret\n' });
    const creds = await kubeconfigCredentials({ config: config({ 'certificate-authority': 'ca.crt' }, { 'token-file': 'token' }), folder: dir });
    expect(creds).toMatchObject({ caPem: 'CA', bearerToken: 'secret', certPem: undefined });
  });

  it('uses the context asked for rather than the current one', async () => {
    const cfg = config({}, { token: 't1' });
    cfg.users.push({ name: 'other', user: { token: 't2' } });
    cfg.contexts.push({ name: 'second', context: { cluster: 'c', user: 'other' } });
    expect((await kubeconfigCredentials({ config: cfg, folder: '/', context: 'second' })).bearerToken).toBe('t2');
  });

  const broken: { name: string; config: object; message: RegExp }[] = [
    { name: 'names a missing current-context', config: { ...config({}, {}), 'current-context': undefined }, message: /no current-context/ },
    { name: 'names an unknown context', config: config({}, {}, { 'current-context': 'gone' }), message: /no context "gone"/ },
    { name: 'names a cluster without a server', config: { ...config({}, {}), clusters: [{ name: 'c', cluster: {} }] }, message: /cluster "c" has no server/ },
  ];
  for (const b of broken) {
    it(`refuses a kubeconfig that ${b.name}`, async () => {
      await expect(kubeconfigCredentials({ config: b.config, folder: '/' })).rejects.toThrow(b.message);
    });
  }
});
