import { CliError, type CliContext } from './context.ts';
import type { RunProgram } from './run-program.ts';
import { serverConfigForHelpers } from './server-defaults.ts';

/**
 * The kubeconfig `skiff kubectl` hands to kubectl. As k3s' kubectl wrapper: an explicit
 * $KUBECONFIG wins; otherwise the admin kubeconfig the server writes (--write-kubeconfig,
 * /etc/skiff/skiff.yaml as root, DATA/skiff.yaml otherwise), as env and config file set it.
 */
export async function kubeconfigForKubectl(context: Pick<CliContext, 'env' | 'system' | 'readTextFile'>): Promise<string> {
  const explicit = context.env.KUBECONFIG;
  if (explicit !== undefined && explicit !== '') return explicit;
  try {
    return (await serverConfigForHelpers({ context })).server.writeKubeconfig;
  } catch {
    // k3s' wrapper never reads the config file; an unreadable one must not stop kubectl,
    // so fall back to the defaults the environment alone gives.
    const withoutFile = { ...context, readTextFile: async () => undefined, env: { ...context.env, SKIFF_CONFIG_FILE: undefined } };
    return (await serverConfigForHelpers({ context: withoutFile })).server.writeKubeconfig;
  }
}

/** `skiff kubectl ARGS...`: the system kubectl with the admin kubeconfig; its exit status is ours. */
export async function runKubectlCommand(context: CliContext, run: RunProgram): Promise<number> {
  const kubeconfig = await kubeconfigForKubectl(context);
  const outcome = await run({ file: 'kubectl', args: context.args, env: { ...context.env, KUBECONFIG: kubeconfig } });
  if ('notFound' in outcome) {
    throw new CliError(
      'kubectl was not found in PATH: install it (Debian: apt-get install kubernetes-client, or a release from https://dl.k8s.io) ' +
        `and run it with KUBECONFIG=${kubeconfig}`,
    );
  }
  return outcome.exitCode;
}
