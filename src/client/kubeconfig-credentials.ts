import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { HttpsTransportOptions } from './https-transport.ts';

/** The parts of a kubeconfig (clientcmdapi.Config) a transport needs. */
export interface KubeconfigFile {
  'current-context'?: string;
  clusters?: { name: string; cluster: Record<string, unknown> }[];
  users?: { name: string; user: Record<string, unknown> }[];
  contexts?: { name: string; context: { cluster: string; user?: string } }[];
}

/**
 * The server and credentials of one context of a parsed kubeconfig. As client-go: `*-data`
 * fields are base64 and win over the file fields, whose paths are relative to the
 * kubeconfig's folder; `token` wins over `token-file`.
 */
export async function kubeconfigCredentials(input: { config: KubeconfigFile; folder: string; context?: string }): Promise<HttpsTransportOptions> {
  const { config, folder } = input;
  const contextName = input.context ?? config['current-context'];
  if (!contextName) throw new Error('kubeconfig has no current-context');
  const context = config.contexts?.find((c) => c.name === contextName)?.context;
  if (!context) throw new Error(`kubeconfig has no context "${contextName}"`);
  const cluster = config.clusters?.find((c) => c.name === context.cluster)?.cluster;
  if (!cluster) throw new Error(`kubeconfig has no cluster "${context.cluster}" (context "${contextName}")`);
  const user = context.user ? config.users?.find((u) => u.name === context.user)?.user ?? {} : {};
  if (typeof cluster.server !== 'string') throw new Error(`kubeconfig cluster "${context.cluster}" has no server`);

  const material = async (entry: Record<string, unknown>, name: string): Promise<string | undefined> => {
    const data = entry[`${name}-data`];
    if (typeof data === 'string') return Buffer.from(data, 'base64').toString('utf8');
    const file = entry[name];
    if (typeof file === 'string') return readFile(resolve(folder, file), 'utf8');
    return undefined;
  };
  const tokenFile = user['token-file'];
  const bearerToken = typeof user.token === 'string'
    ? user.token
    : typeof tokenFile === 'string' ? (await readFile(resolve(folder, tokenFile), 'utf8')).trim() : undefined;
  return {
    server: cluster.server,
    caPem: await material(cluster, 'certificate-authority'),
    certPem: await material(user, 'client-certificate'),
    keyPem: await material(user, 'client-key'),
    bearerToken,
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
  };
}
