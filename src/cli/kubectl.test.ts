import { describe, expect, it } from 'vitest';
import { CliError, type CliContext } from './context.ts';
import { runKubectlCommand } from './kubectl.ts';
import type { RunProgram } from './run-program.ts';

function context(options: { env?: Record<string, string>; uid?: number; files?: Record<string, string>; args?: string[] }): CliContext {
  return {
    args: options.args ?? ['get', 'pods'],
    env: options.env ?? {},
    system: { uid: options.uid ?? 0, home: '/home/ada', hostname: 'edge' },
    signal: new AbortController().signal,
    print: () => {},
    readTextFile: async (path) => options.files?.[path],
  };
}

function recordingRunner(outcome: Awaited<ReturnType<RunProgram>>) {
  const calls: Parameters<RunProgram>[0][] = [];
  const run: RunProgram = async (call) => {
    calls.push(call);
    return outcome;
  };
  return { calls, run };
}

describe('skiff kubectl', () => {
  const cases: { name: string; uid: number; env?: Record<string, string>; files?: Record<string, string>; expected: string }[] = [
    { name: 'uses /etc/skiff/skiff.yaml as root', uid: 0, expected: '/etc/skiff/skiff.yaml' },
    { name: 'uses ~/.skiff/skiff.yaml when not root', uid: 1000, expected: '/home/ada/.skiff/skiff.yaml' },
    { name: 'honours an explicit KUBECONFIG', uid: 0, env: { KUBECONFIG: '/tmp/other.yaml' }, expected: '/tmp/other.yaml' },
    { name: 'follows SKIFF_KUBECONFIG_OUTPUT', uid: 0, env: { SKIFF_KUBECONFIG_OUTPUT: '/srv/admin.yaml' }, expected: '/srv/admin.yaml' },
    {
      name: 'follows write-kubeconfig in the config file',
      uid: 0,
      files: { '/etc/skiff/config.yaml': 'write-kubeconfig: /from/file.yaml' },
      expected: '/from/file.yaml',
    },
    { name: 'falls back to the default when the config file is broken', uid: 0, files: { '/etc/skiff/config.yaml': 'nonsense-key: 1' }, expected: '/etc/skiff/skiff.yaml' },
  ];
  it.each(cases)('$name', async ({ uid, env, files, expected }) => {
    const runner = recordingRunner({ exitCode: 0 });
    await runKubectlCommand(context({ uid, env, files }), runner.run);
    expect(runner.calls[0]!.env.KUBECONFIG).toBe(expected);
  });

  it('passes the arguments through and returns kubectl exit status', async () => {
    const runner = recordingRunner({ exitCode: 3 });
    const exitCode = await runKubectlCommand(context({ args: ['get', 'nodes', '-o', 'wide'] }), runner.run);
    expect(exitCode).toBe(3);
    expect(runner.calls[0]!.file).toBe('kubectl');
    expect(runner.calls[0]!.args).toEqual(['get', 'nodes', '-o', 'wide']);
  });

  it('says how to install kubectl when it is not on PATH', async () => {
    const runner = recordingRunner({ notFound: true });
    const running = runKubectlCommand(context({}), runner.run);
    await expect(running).rejects.toBeInstanceOf(CliError);
    await expect(running).rejects.toThrow(/kubectl was not found in PATH.*apt-get install kubernetes-client/);
  });
});
