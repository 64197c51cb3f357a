import { describe, expect, it } from 'vitest';
import { flagsFor } from './flags.ts';
import { renderCommandHelp, renderRootHelp } from './help.ts';

const root = { uid: 0, home: '/root', hostname: 'edge' };
const user = { uid: 1000, home: '/home/ada', hostname: 'edge' };

describe('renderCommandHelp', () => {
  it.each(['server', 'agent'] as const)('lists every declared flag of skiff %s with its env var', (command) => {
    const help = renderCommandHelp({ command, system: root });
    for (const flag of flagsFor(command)) {
      const line = help.split('\n').find((text) => text.trimStart().startsWith(`--${flag.name}`));
      expect(line, `--${flag.name}`).toBeDefined();
      expect(line).toContain(flag.category);
      if (flag.env) expect(line).toContain(`[$${flag.env}]`);
    }
  });

  const defaults = [
    { flag: '--data-dir', system: root, shows: '(default: /var/lib/skiff) [$SKIFF_DATA_DIR]' },
    { flag: '--data-dir', system: user, shows: '(default: /home/ada/.skiff) [$SKIFF_DATA_DIR]' },
    { flag: '--write-kubeconfig', system: root, shows: '(default: /etc/skiff/skiff.yaml) [$SKIFF_KUBECONFIG_OUTPUT]' },
    { flag: '--write-kubeconfig', system: user, shows: '(default: /home/ada/.skiff/skiff.yaml)' },
    { flag: '--write-kubeconfig-mode', system: root, shows: '(default: 0600) [$SKIFF_KUBECONFIG_MODE]' },
    { flag: '--https-listen-port', system: root, shows: '(default: 6443)' },
    { flag: '--cluster-cidr', system: root, shows: '(default: 10.42.0.0/16)' },
    { flag: '--service-node-port-range', system: root, shows: '(default: 30000-32767)' },
    { flag: '--proxy-mode', system: root, shows: '(default: iptables)' },
    { flag: '--node-name', system: root, shows: '(default: edge) [$SKIFF_NODE_NAME]' },
  ];
  it.each(defaults)('shows the default of $flag for uid $system.uid', ({ flag, system, shows }) => {
    const line = renderCommandHelp({ command: 'server', system }).split('\n').find((text) => text.trimStart().startsWith(flag + ' '));
    expect(line).toContain(shows);
  });

  it('prints the type and short alias the way urfave/cli does', () => {
    const help = renderCommandHelp({ command: 'server', system: root });
    expect(help).toMatch(/--data-dir path, -d path +\(data\) Folder to hold state/);
    expect(help).toMatch(/--cluster-cidr cidr +\(networking\)/);
    expect(help).toMatch(/--disable-agent +\(experimental\)/);
  });

  it('gives the agent --server with $SKIFF_URL and the server none', () => {
    expect(renderCommandHelp({ command: 'agent', system: root })).toMatch(/--server url, -s url .*\[\$SKIFF_URL\]/);
    expect(renderCommandHelp({ command: 'server', system: root })).not.toContain('--server ');
  });
});

describe('renderRootHelp', () => {
  it('lists the commands it is given and the version', () => {
    const help = renderRootHelp({ version: 'v9.9.9', commands: [{ name: 'server', usage: 'Run management server' }, { name: 'check-config', usage: 'Run config check' }] });
    expect(help).toMatch(/server +Run management server/);
    expect(help).toMatch(/check-config +Run config check/);
    expect(help).toContain('v9.9.9');
  });
});
