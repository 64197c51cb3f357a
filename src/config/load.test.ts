import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.ts';
import { loadConfig } from './load.ts';

const system = { uid: 0, home: '/root', hostname: 'edge' };

function filesystem(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    readTextFile: async (path: string) => {
      reads.push(path);
      return files[path];
    },
  };
}

describe('loadConfig', () => {
  it('reads /etc/skiff/config.yaml when it exists', async () => {
    const fs = filesystem({ '/etc/skiff/config.yaml': 'tls-san: [a]' });
    const config = await loadConfig({ command: 'server', argv: [], env: {}, system, readTextFile: fs.readTextFile });
    expect(config.tls.sans).toEqual(['a']);
    expect(config.configFile).toBe('/etc/skiff/config.yaml');
  });

  it('starts without a config file when the default one does not exist', async () => {
    const fs = filesystem({});
    const config = await loadConfig({ command: 'server', argv: [], env: {}, system, readTextFile: fs.readTextFile });
    expect(config.configFile).toBeUndefined();
    expect(fs.reads).toEqual(['/etc/skiff/config.yaml']);
  });

  const explicit = [
    { name: 'reads the file named by --config', argv: ['--config', '/x.yaml'], env: {} },
    { name: 'reads the file named by -c=', argv: ['-c=/x.yaml'], env: {} },
    { name: 'reads the file named by SKIFF_CONFIG_FILE', argv: [], env: { SKIFF_CONFIG_FILE: '/x.yaml' } },
  ];
  it.each(explicit)('$name', async ({ argv, env }) => {
    const fs = filesystem({ '/x.yaml': 'data-dir: /from-x' });
    const config = await loadConfig({ command: 'server', argv, env, system, readTextFile: fs.readTextFile });
    expect(config.dataDir).toBe('/from-x');
  });

  it('fails, naming --config, when an explicitly given file does not exist', async () => {
    const fs = filesystem({});
    const loading = loadConfig({ command: 'server', argv: ['--config', '/missing.yaml'], env: {}, system, readTextFile: fs.readTextFile });
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/config file \/missing.yaml .* does not exist/);
  });
});
