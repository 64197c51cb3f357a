import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.ts';
import { parseCommandLine } from './parse.ts';
import type { ServerConfig, SystemFacts } from './types.ts';

const user: SystemFacts = { uid: 1000, home: '/home/ada', hostname: 'Edge-Box' };
const root: SystemFacts = { uid: 0, home: '/root', hostname: 'edge-box' };

function server(options: { argv?: string[]; env?: Record<string, string>; file?: string; system?: SystemFacts }): ServerConfig {
  return parseCommandLine({
    command: 'server',
    argv: options.argv ?? [],
    env: options.env ?? {},
    configFileText: options.file,
    configFilePath: '/etc/skiff/config.yaml',
    system: options.system ?? user,
  });
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseCommandLine precedence', () => {
  const cases: { name: string; argv?: string[]; env?: Record<string, string>; file?: string; expected: string }[] = [
    { name: 'uses the default when nothing sets the data dir', expected: '/home/ada/.skiff' },
    { name: 'takes the config file over the default', file: 'data-dir: /from/file', expected: '/from/file' },
    { name: 'takes the environment over the config file', file: 'data-dir: /from/file', env: { SKIFF_DATA_DIR: '/from/env' }, expected: '/from/env' },
    {
      name: 'takes the flag over the environment and the file',
      file: 'data-dir: /from/file',
      env: { SKIFF_DATA_DIR: '/from/env' },
      argv: ['--data-dir', '/from/flag'],
      expected: '/from/flag',
    },
    { name: 'reads the short alias -d', argv: ['-d', '/short'], expected: '/short' },
    { name: 'reads the --flag=value form', argv: ['--data-dir=/equals'], expected: '/equals' },
    { name: 'reads a single-dash long flag as Go flag does', argv: ['-data-dir', '/single'], expected: '/single' },
    { name: 'keeps the last of a repeated scalar flag', argv: ['-d', '/first', '-d', '/last'], expected: '/last' },
    { name: 'ignores an empty environment variable', env: { SKIFF_DATA_DIR: '' }, file: 'data-dir: /from/file', expected: '/from/file' },
  ];
  it.each(cases)('$name', ({ argv, env, file, expected }) => {
    expect(server({ argv, env, file }).dataDir).toBe(expected);
  });

  it('lets --disable-agent=false on the command line override disable-agent: true in the file', () => {
    expect(server({ file: 'disable-agent: true' }).server.disableAgent).toBe(true);
    expect(server({ file: 'disable-agent: true', argv: ['--disable-agent=false'] }).server.disableAgent).toBe(false);
    expect(server({ argv: ['--disable-agent'] }).server.disableAgent).toBe(true);
  });

  it('reads YAML 1.1 booleans in the config file as k3s does', () => {
    expect(server({ file: 'disable-agent: yes' }).server.disableAgent).toBe(true);
  });

  it('derives the kubeconfig path from a data dir given on the command line', () => {
    expect(server({ argv: ['--data-dir', '/srv/skiff'] }).server.writeKubeconfig).toBe('/srv/skiff/skiff.yaml');
  });

  it('reads the kubeconfig output and mode from SKIFF_KUBECONFIG_OUTPUT and SKIFF_KUBECONFIG_MODE', () => {
    const config = server({ env: { SKIFF_KUBECONFIG_OUTPUT: '/tmp/k.yaml', SKIFF_KUBECONFIG_MODE: '644' } });
    expect(config.server.writeKubeconfig).toBe('/tmp/k.yaml');
    expect(config.server.writeKubeconfigMode).toBe(0o644);
  });

  it('reads the token from SKIFF_TOKEN', () => {
    expect(server({ env: { SKIFF_TOKEN: 'sekret' } }).server.token).toBe('sekret');
  });
});

describe('parseCommandLine defaults', () => {
  const cases = [
    { name: 'puts state in /var/lib/skiff as root', system: root, dataDir: '/var/lib/skiff', kubeconfig: '/etc/skiff/skiff.yaml' },
    { name: 'puts state in ~/.skiff when not root', system: user, dataDir: '/home/ada/.skiff', kubeconfig: '/home/ada/.skiff/skiff.yaml' },
  ];
  it.each(cases)('$name', ({ system, dataDir, kubeconfig }) => {
    const config = server({ system });
    expect(config.dataDir).toBe(dataDir);
    expect(config.server.writeKubeconfig).toBe(kubeconfig);
  });

  it('fills every section with the DESIGN.md defaults', () => {
    const config = server({});
    expect(config.server).toEqual({
      bindAddress: '0.0.0.0',
      httpsListenPort: 6443,
      advertiseAddress: undefined,
      token: undefined,
      writeKubeconfig: '/home/ada/.skiff/skiff.yaml',
      writeKubeconfigMode: 0o600,
      disableAgent: false,
      disableScheduler: false,
      disableControllerManager: false,
    });
    expect(config.network).toEqual({
      clusterCidr: '10.42.0.0/16',
      serviceCidr: '10.43.0.0/16',
      clusterDns: '10.43.0.10',
      clusterDomain: 'cluster.local',
      serviceNodePortRange: { min: 30000, max: 32767 },
    });
    expect(config.agent).toEqual({
      nodeName: 'edge-box',
      nodeIp: undefined,
      nodeLabels: {},
      nodeTaints: [],
      proxyMode: 'iptables',
      flannelBackend: 'vxlan',
      containerRuntimeEndpoint: undefined,
      resolvConf: '/etc/resolv.conf',
    });
    expect(config.tls).toEqual({ sans: [] });
    expect(config.datastore).toEqual({ endpoint: '' });
  });

  it('reports the config file that was read, and none when none was', () => {
    expect(server({ file: '# empty' }).configFile).toBe('/etc/skiff/config.yaml');
    expect(server({}).configFile).toBeUndefined();
  });
});

describe('parseCommandLine repeatable flags', () => {
  const cases: { name: string; argv?: string[]; file?: string; expected: string[] }[] = [
    { name: 'collects every --tls-san', argv: ['--tls-san', 'a.example', '--tls-san=10.0.0.5'], expected: ['a.example', '10.0.0.5'] },
    { name: 'reads a YAML list from the config file', file: 'tls-san: [a, b]', expected: ['a', 'b'] },
    { name: 'reads a single YAML string as a one-item list', file: 'tls-san: a', expected: ['a'] },
    { name: 'splits comma-separated values as urfave/cli string slices do', argv: ['--tls-san', 'a,b'], expected: ['a', 'b'] },
    { name: 'replaces the file list with the command-line list', file: 'tls-san: [a, b]', argv: ['--tls-san', 'c'], expected: ['c'] },
    { name: 'appends key+ values to the key in the file', file: 'tls-san: [a]\ntls-san+: [b]', expected: ['a', 'b'] },
  ];
  it.each(cases)('$name', ({ argv, file, expected }) => {
    expect(server({ argv, file }).tls.sans).toEqual(expected);
  });

  it('turns node labels into a map and taints into Taint objects', () => {
    const config = server({
      file: 'node-label: [zone=a, tier=edge]',
      argv: ['--node-taint', 'dedicated=edge:NoSchedule', '--node-taint', 'gpu:NoExecute'],
    });
    expect(config.agent.nodeLabels).toEqual({ zone: 'a', tier: 'edge' });
    expect(config.agent.nodeTaints).toEqual([
      { key: 'dedicated', value: 'edge', effect: 'NoSchedule' },
      { key: 'gpu', effect: 'NoExecute' },
    ]);
  });
});

describe('parseCommandLine values', () => {
  const modes = [
    { text: '0644', mode: 0o644 },
    { text: '644', mode: 0o644 },
    { text: '0600', mode: 0o600 },
    { text: '0o640', mode: 0o640 },
  ];
  it.each(modes)('reads --write-kubeconfig-mode $text as octal', ({ text, mode }) => {
    expect(server({ argv: ['--write-kubeconfig-mode', text] }).server.writeKubeconfigMode).toBe(mode);
  });

  it('keeps a config-file mode of 0644 as octal text rather than the YAML number 644', () => {
    expect(server({ file: 'write-kubeconfig-mode: 0644' }).server.writeKubeconfigMode).toBe(0o644);
  });

  it('normalises a CIDR with host bits to its network, as net.ParseCIDR does', () => {
    expect(server({ argv: ['--cluster-cidr', '10.50.3.4/16'] }).network.clusterCidr).toBe('10.50.0.0/16');
  });

  it('accepts an IPv6 service range with a DNS address inside it', () => {
    const config = server({ argv: ['--service-cidr', 'fd00:43::/112', '--cluster-dns', 'fd00:43::a'] });
    expect(config.network.serviceCidr).toBe('fd00:43::/112');
    expect(config.network.clusterDns).toBe('fd00:43::a');
  });

  it('parses the node port range', () => {
    expect(server({ argv: ['--service-node-port-range', '20000-22000'] }).network.serviceNodePortRange).toEqual({ min: 20000, max: 22000 });
  });
});

describe('parseCommandLine errors name the flag or key', () => {
  const cases: { name: string; argv?: string[]; env?: Record<string, string>; file?: string; key: string; says: RegExp }[] = [
    { name: 'rejects an unknown flag and suggests the near one', argv: ['--tls-sam', 'x'], key: '--tls-sam', says: /unknown flag --tls-sam.*did you mean --tls-san/ },
    { name: 'rejects an agent-only flag on the server', argv: ['--server', 'https://x:6443'], key: '--server', says: /unknown flag --server for "skiff server"/ },
    { name: 'rejects a flag without its value', argv: ['--cluster-cidr'], key: '--cluster-cidr', says: /--cluster-cidr needs a value: expected a cidr/ },
    { name: 'rejects a positional argument', argv: ['extra'], key: 'extra', says: /unexpected argument "extra"/ },
    { name: 'rejects a bad CIDR', argv: ['--cluster-cidr', '10.42.0.0/40'], key: '--cluster-cidr', says: /"10.42.0.0\/40" for --cluster-cidr: expected a CIDR/ },
    { name: 'rejects a CIDR without a prefix length', argv: ['--service-cidr', '10.43.0.0'], key: '--service-cidr', says: /expected a CIDR/ },
    { name: 'rejects a port out of range', argv: ['--https-listen-port', '0'], key: '--https-listen-port', says: /expected an integer from 1 to 65535/ },
    { name: 'rejects a port that is not a number', argv: ['--https-listen-port', 'https'], key: '--https-listen-port', says: /expected an integer/ },
    { name: 'rejects mode 999', argv: ['--write-kubeconfig-mode', '999'], key: '--write-kubeconfig-mode', says: /expected an octal file mode/ },
    { name: 'rejects mode 1777 beyond permission bits', argv: ['--write-kubeconfig-mode', '1777'], key: '--write-kubeconfig-mode', says: /expected an octal file mode/ },
    { name: 'rejects an unknown proxy mode', argv: ['--proxy-mode', 'nftables'], key: '--proxy-mode', says: /expected one of iptables, ipvs/ },
    { name: 'rejects an unknown flannel backend', argv: ['--flannel-backend', 'wireguard'], key: '--flannel-backend', says: /expected one of vxlan, host-gw, none/ },
    { name: 'rejects a bad boolean', argv: ['--disable-agent=maybe'], key: '--disable-agent', says: /expected a boolean/ },
    { name: 'rejects a bad IP', argv: ['--bind-address', '10.0.0'], key: '--bind-address', says: /expected an IPv4 or IPv6 address/ },
    { name: 'rejects a cluster DNS outside the service range', argv: ['--cluster-dns', '10.42.0.10'], key: '--cluster-dns', says: /within --service-cidr/ },
    { name: 'rejects an inverted node port range', argv: ['--service-node-port-range', '32767-30000'], key: '--service-node-port-range', says: /expected a port range/ },
    { name: 'rejects a label without =', argv: ['--node-label', 'zone'], key: '--node-label', says: /expected a label key=value/ },
    { name: 'rejects a taint with an unknown effect', argv: ['--node-taint', 'a=b:Sometimes'], key: '--node-taint', says: /Effect one of NoSchedule/ },
    { name: 'rejects an upper-case node name', argv: ['--node-name', 'Box'], key: '--node-name', says: /DNS-1123 subdomain/ },
    { name: 'names the environment variable of a bad env value', env: { SKIFF_KUBECONFIG_MODE: '888' }, key: '$SKIFF_KUBECONFIG_MODE', says: /\$SKIFF_KUBECONFIG_MODE \(--write-kubeconfig-mode\): expected an octal/ },
    { name: 'names the config key of a bad file value', file: 'https-listen-port: 99999', key: 'https-listen-port', says: /https-listen-port in config file \/etc\/skiff\/config.yaml: expected an integer/ },
    { name: 'rejects an unknown config key and suggests the near one', file: 'tls-sans: [a]', key: 'tls-sans', says: /unknown key "tls-sans".*did you mean "tls-san"/ },
    { name: 'rejects a list for a single-valued key', file: 'data-dir: [/a, /b]', key: 'data-dir', says: /expected a single value/ },
    { name: 'rejects a mapping as a value', file: 'node-label: {zone: a}', key: 'node-label', says: /expected a string or a list of strings/ },
    { name: 'rejects a config file that is not a mapping', file: '- a\n- b', key: '/etc/skiff/config.yaml', says: /must be a YAML mapping/ },
    { name: 'rejects a config file that is not YAML', file: 'a: [', key: '/etc/skiff/config.yaml', says: /cannot parse config file/ },
  ];
  it.each(cases)('$name', ({ argv, env, file, key, says }) => {
    const error = errorOf(() => server({ argv, env, file }));
    expect(error.key).toBe(key);
    expect(error.message).toMatch(says);
  });

  it('skips config keys that belong only to the other command, so one file serves both', () => {
    expect(server({ file: 'server: https://10.0.0.1:6443\ndata-dir: /d' }).dataDir).toBe('/d');
  });
});

describe('parseCommandLine for the agent', () => {
  const join = { SKIFF_URL: 'https://10.0.0.1:6443', SKIFF_TOKEN: 'K10abc::server:secret' };

  it('reads --server and --token from SKIFF_URL and SKIFF_TOKEN', () => {
    const config = parseCommandLine({ command: 'agent', argv: ['--node-label', 'role=edge'], env: join, system: user });
    expect(config.agent.serverUrl).toBe('https://10.0.0.1:6443');
    expect(config.agent.token).toBe('K10abc::server:secret');
    expect(config.agent.nodeLabels).toEqual({ role: 'edge' });
  });

  const failures = [
    { name: 'requires --server', env: { SKIFF_TOKEN: 't' }, argv: [], key: '--server' },
    { name: 'requires --token', env: { SKIFF_URL: 'https://s:6443' }, argv: [], key: '--token' },
    { name: 'requires an https server URL', env: { SKIFF_TOKEN: 't' }, argv: ['-s', 'http://s:6443'], key: '--server' },
    { name: 'rejects a server-only flag', env: join, argv: ['--cluster-cidr', '10.0.0.0/8'], key: '--cluster-cidr' },
  ];
  it.each(failures)('$name', ({ env, argv, key }) => {
    const error = errorOf(() => parseCommandLine({ command: 'agent', argv, env, system: user }));
    expect(error.key).toBe(key);
  });
});

describe('controller timings', () => {
  it('defaults the node monitor timings to kube-controller-manager\'s 40s and 5s', () => {
    expect(server({}).controllers).toEqual({ nodeMonitorGracePeriodMs: 40_000, nodeMonitorPeriodMs: 5_000 });
  });
  it('reads durations from flags and the config file', () => {
    const config = server({ argv: ['--node-monitor-grace-period', '4s'], file: 'node-monitor-period: 500ms' });
    expect(config.controllers).toEqual({ nodeMonitorGracePeriodMs: 4_000, nodeMonitorPeriodMs: 500 });
  });
  it('names the flag of a bad duration', () => {
    expect(() => server({ argv: ['--node-monitor-period', '5'] })).toThrow(/--node-monitor-period.*expected a duration such as 40s/);
  });
});
