import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKubeconfig } from './kubeconfig.ts';

const pems = { caPem: 'CA PEM\n', certPem: 'CERT PEM\n', keyPem: 'KEY PEM\n' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-kubeconfig-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeKubeconfig()', () => {
  it('writes mode 0600 by default, creating the parent folder', async () => {
    const path = join(dir, 'etc', 'skiff', 'skiff.yaml');
    await writeKubeconfig({ path, ...pems });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('applies the requested mode even when the file already exists with another', async () => {
    const path = join(dir, 'skiff.yaml');
    await writeKubeconfig({ path, ...pems });
    await writeKubeconfig({ path, mode: 0o644, ...pems });
    expect((await stat(path)).mode & 0o777).toBe(0o644);
  });

  it('names cluster, user and context default and embeds the credentials base64-encoded', async () => {
    const path = join(dir, 'skiff.yaml');
    await writeKubeconfig({ path, server: 'https://10.0.0.5:6443', ...pems });
    const config = load(await readFile(path, 'utf8')) as Record<string, any>;
    expect(config['current-context']).toBe('default');
    expect(config.clusters[0]).toEqual({ name: 'default', cluster: { server: 'https://10.0.0.5:6443', 'certificate-authority-data': btoa('CA PEM\n') } });
    expect(config.users[0]).toEqual({ name: 'default', user: { 'client-certificate-data': btoa('CERT PEM\n'), 'client-key-data': btoa('KEY PEM\n') } });
    expect(config.contexts[0]).toEqual({ name: 'default', context: { cluster: 'default', user: 'default' } });
  });

  it('points at https://127.0.0.1:6443 when no server is given', async () => {
    const path = join(dir, 'skiff.yaml');
    await writeKubeconfig({ path, ...pems });
    expect((load(await readFile(path, 'utf8')) as any).clusters[0].cluster.server).toBe('https://127.0.0.1:6443');
  });
});
