/**
 * The admin kubeconfig (--write-kubeconfig), shaped as k3s writes its own: one
 * cluster, user and context, all named `default`, with the CA, client certificate
 * and key embedded so the file works when copied to another machine.
 */
import { dump } from 'js-yaml';
import { writeTextFile } from './pem-files.ts';

export const DEFAULT_KUBECONFIG_SERVER = 'https://127.0.0.1:6443';

export interface KubeconfigOptions {
  /** Default https://127.0.0.1:6443, as k3s writes for the local server. */
  server?: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface WriteKubeconfigOptions extends KubeconfigOptions {
  path: string;
  /**
   * --write-kubeconfig-mode; default 0600 because the file holds the admin key. A
   * missing parent folder is created 0755 so a wider mode chosen here takes effect.
   */
  mode?: number;
}

export function renderKubeconfig(options: KubeconfigOptions): string {
  const base64 = (text: string) => btoa(text);
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'default', cluster: { server: options.server ?? DEFAULT_KUBECONFIG_SERVER, 'certificate-authority-data': base64(options.caPem) } }],
    users: [{ name: 'default', user: { 'client-certificate-data': base64(options.certPem), 'client-key-data': base64(options.keyPem) } }],
    contexts: [{ name: 'default', context: { cluster: 'default', user: 'default' } }],
    'current-context': 'default',
    preferences: {},
  }, { lineWidth: -1 });
}

export async function writeKubeconfig(options: WriteKubeconfigOptions): Promise<void> {
  await writeTextFile({ path: options.path, text: renderKubeconfig(options), mode: options.mode ?? 0o600, folderMode: 0o755 });
}
