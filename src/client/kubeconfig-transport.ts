import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { load } from 'js-yaml';
import { httpsTransport } from './https-transport.ts';
import { kubeconfigCredentials, type KubeconfigFile } from './kubeconfig-credentials.ts';
import type { Transport } from './transport.ts';

/**
 * The HTTPS transport a kubeconfig describes (its current context, or `context`). Credentials
 * may be embedded (`*-data`, base64) or files (relative to the kubeconfig's folder, as
 * client-go resolves them); `token` and `token-file` give a bearer token.
 *
 * @example
 * const transport = await transportFromKubeconfig('/etc/skiff/skiff.yaml');
 */
export async function transportFromKubeconfig(path: string, options: { context?: string } = {}): Promise<Transport & { close(): void }> {
  const config = load(await readFile(path, 'utf8')) as KubeconfigFile | undefined;
  return httpsTransport(await kubeconfigCredentials({ config: config ?? {}, folder: dirname(path), context: options.context }));
}
