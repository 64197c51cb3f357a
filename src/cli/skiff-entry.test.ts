import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/skiff.mjs', import.meta.url));

/** Runs the real `skiff` bin from source (the bundle may not exist or be stale in a checkout). */
function skiff(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: '/tmp/skiff-entry-home', SKIFF_FROM_SOURCE: '1', SKIFF_CONFIG_FILE: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the skiff executable', () => {
  it('lists the commands for --help and exits 0', async () => {
    const result = await skiff(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['server', 'agent', 'kubectl', 'token', 'check-config']) expect(result.stdout).toMatch(new RegExp(`^   ${command} `, 'm'));
  });

  it('prints every server flag for server --help', async () => {
    const result = await skiff(['server', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--write-kubeconfig-mode mode');
    expect(result.stdout).toContain('[$SKIFF_KUBECONFIG_MODE]');
  });

  it('prints the version', async () => {
    expect((await skiff(['--version'])).stdout).toMatch(/^skiff version v\d+\.\d+\.\d+/);
  });

  const failures = [
    { name: 'names the flag of a bad value on one line', args: ['server', '--write-kubeconfig-mode', '999'], says: 'skiff server: invalid value "999" for --write-kubeconfig-mode' },
    { name: 'names an unknown command', args: ['serve'], says: 'skiff: unknown command "serve"' },
    { name: 'says the agent is not available yet', args: ['agent', '-s', 'https://10.0.0.1:6443', '-t', 'x'], says: 'the node agent is not available in this release' },
    { name: 'names a missing explicit config file', args: ['server', '--config', '/nonexistent/skiff.yaml'], says: '/nonexistent/skiff.yaml' },
  ];
  it.each(failures)('$name and exits 1', async ({ args, says }) => {
    const result = await skiff(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(says);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a stack trace only with SKIFF_DEBUG', async () => {
    const result = await skiff(['token', 'create'], { SKIFF_DEBUG: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
