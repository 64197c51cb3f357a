/** Test-only: runs a kubectl binary against a capture server without blocking its event loop. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CaptureServer } from './kubectl-capture-server.ts';

const execFileAsync = promisify(execFile);

export const KUBECTL_BINARIES = {
  '1.32': '/usr/bin/kubectl',
  '1.33': '/usr/lib/google-cloud-sdk/bin/kubectl.1.33',
} as const;

export async function runKubectl(binary: string, server: CaptureServer, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(binary, ['--kubeconfig', server.kubeconfig, ...args], { timeout: 15_000 });
  return stdout;
}
