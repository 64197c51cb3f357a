import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Where the real clients of the compatibility suites live. `scripts/setup-test-deps.sh` (the
 * `pretest` step of `npm test`) puts them there; a missing one fails the suite loudly instead of
 * skipping it.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const CACHE = resolve(ROOT, 'node_modules/.cache');

export const clientTools = {
  helm3: resolve(CACHE, 'helm3/helm'),
  helm4: resolve(CACHE, 'helm4/helm'),
  kubectl120: resolve(CACHE, 'kubectl-1.20/usr/bin/kubectl'),
  /** Debian's interpreter: python3-kubernetes installs into its dist-packages, not into a pyenv. */
  python3: '/usr/bin/python3',
} as const;

/** Every kubectl minor the machine carries, oldest first, with the binary that speaks it. */
export const kubectlReleases: { minor: number; binary: string }[] = [
  { minor: 20, binary: clientTools.kubectl120 },
  ...[27, 28, 29, 30, 31, 32, 33].map((minor) => ({ minor, binary: `/usr/lib/google-cloud-sdk/bin/kubectl.1.${minor}` })),
];

/** Throws with the fix when a tool is missing, so a half-set-up machine fails with a clear message. */
export async function requireTool(path: string): Promise<string> {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is missing: run \`bash scripts/setup-test-deps.sh\` (npm test does it as pretest)`);
  }
  return path;
}

/**
 * SIGTERM, then SIGKILL if the server has not exited within `graceMs`, so a shutdown that hangs
 * shows up as a slow suite rather than a hook timeout that hides the test results.
 */
export async function stopWithin(server: { stop(): Promise<void>; kill(): Promise<void> } | undefined, graceMs = 15_000): Promise<void> {
  if (!server) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), graceMs)));
  const outcome = await Promise.race([server.stop().then(() => 'stopped' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    console.warn(`skiff server did not exit ${graceMs} ms after SIGTERM; killing it`);
    await server.kill();
  }
}
