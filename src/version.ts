/** Skiff's own version and the Kubernetes API version it serves (what `kubectl version` shows). */
export const SKIFF_VERSION = 'v0.1.0';
export const KUBERNETES_VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.0+skiff' };

export function kubernetesVersionInfo(): Record<string, string> {
  return {
    major: KUBERNETES_VERSION.major,
    minor: KUBERNETES_VERSION.minor,
    gitVersion: KUBERNETES_VERSION.gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-11-23T00:00:00Z',
    goVersion: 'skiff',
    compiler: 'skiff',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
