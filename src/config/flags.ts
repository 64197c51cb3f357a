import { formatNodeTaint, parseNodeLabel, parseNodeTaint, type NodeTaint } from './node-metadata.ts';
import type { SystemFacts } from './types.ts';
import {
  booleanKind,
  cidrKind,
  dnsSubdomainKind,
  durationKind,
  enumKind,
  fileModeKind,
  ipKind,
  listKind,
  optionalIpKind,
  optionalStringKind,
  pathKind,
  portKind,
  portRangeKind,
  serverUrlKind,
  stringKind,
  type ValueKind,
} from './value-kinds.ts';

/** What a computed default may look at: the injected system facts and other flags' final values. */
export interface DefaultContext {
  readonly system: SystemFacts;
  valueOf<T>(flag: FlagDeclaration<T>): T;
}

/**
 * One flag, declared once (STYLE.md §12): its name doubles as the config-file key, and
 * help, env lookup, parsing and defaults are all derived from this record.
 */
export interface FlagDeclaration<T> {
  /** Long name without dashes: `data-dir`. Also the YAML config-file key. */
  readonly name: string;
  /** Single-letter forms, as k3s (`-d` for --data-dir). */
  readonly aliases: readonly string[];
  readonly kind: ValueKind<T>;
  /** Environment variable, k3s style with SKIFF_ for K3S_. */
  readonly env?: string;
  /** urfave/cli-style category shown in help before the usage: `(data)`. */
  readonly category: string;
  readonly usage: string;
  /** Computed lazily from injected facts, never at import time. */
  defaultValue(context: DefaultContext): T;
  /** Help text for defaults that are not a plain value (`the default-route interface's address`). */
  readonly defaultDescription?: string;
}

function declare<T>(spec: {
  name: string;
  aliases?: readonly string[];
  kind: ValueKind<T>;
  env?: string;
  category: string;
  usage: string;
  defaultValue: NoInfer<T> | ((context: DefaultContext) => NoInfer<T>);
  defaultDescription?: string;
}): FlagDeclaration<T> {
  const { defaultValue } = spec;
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    kind: spec.kind,
    env: spec.env,
    category: spec.category,
    usage: spec.usage,
    defaultDescription: spec.defaultDescription,
    defaultValue: typeof defaultValue === 'function' ? (defaultValue as (context: DefaultContext) => T) : () => defaultValue,
  };
}

function isRoot(system: SystemFacts): boolean {
  return system.uid === 0;
}

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

/** The config file k3s reads from /etc/rancher/k3s/config.yaml, root or not. */
export const DEFAULT_CONFIG_FILE = '/etc/skiff/config.yaml';

/** Flags every command takes. */
export const commonFlags = {
  config: declare({
    name: 'config',
    aliases: ['c'],
    kind: pathKind,
    env: 'SKIFF_CONFIG_FILE',
    category: '(config)',
    usage: 'Load configuration from this YAML file (the default one is read only if it exists)',
    defaultValue: DEFAULT_CONFIG_FILE,
  }),
  debug: declare({
    name: 'debug',
    kind: booleanKind,
    env: 'SKIFF_DEBUG',
    category: '(logging)',
    usage: 'Turn on debug logs and print stack traces of errors',
    defaultValue: false,
  }),
  dataDir: declare({
    name: 'data-dir',
    aliases: ['d'],
    kind: pathKind,
    env: 'SKIFF_DATA_DIR',
    category: '(data)',
    usage: 'Folder to hold state',
    // As k3s: /var/lib/rancher/k3s as root, ${HOME}/.rancher/k3s otherwise.
    defaultValue: ({ system }) => (isRoot(system) ? '/var/lib/skiff' : joinPath(system.home, '.skiff')),
  }),
  token: declare({
    name: 'token',
    aliases: ['t'],
    kind: optionalStringKind,
    env: 'SKIFF_TOKEN',
    category: '(cluster)',
    usage: 'Shared secret used to join a server or agent to a cluster',
    defaultValue: undefined,
  }),
} as const;

/** Flags of the server process only. */
export const serverFlags = {
  bindAddress: declare({
    name: 'bind-address',
    kind: ipKind,
    category: '(listener)',
    usage: 'skiff bind address',
    defaultValue: '0.0.0.0',
  }),
  httpsListenPort: declare({
    name: 'https-listen-port',
    kind: portKind,
    category: '(listener)',
    usage: 'HTTPS listen port',
    defaultValue: 6443,
  }),
  advertiseAddress: declare({
    name: 'advertise-address',
    kind: optionalIpKind,
    category: '(listener)',
    usage: 'IP address that the API server uses to advertise to members of the cluster',
    defaultValue: undefined,
    defaultDescription: 'node-ip',
  }),
  tlsSan: declare({
    name: 'tls-san',
    kind: listKind({ placeholder: 'string', parseItem: (text) => text, formatItem: (text) => text }),
    category: '(listener)',
    usage: 'Add additional hostnames or IPv4/IPv6 addresses as Subject Alternative Names on the server TLS cert',
    defaultValue: () => [],
  }),
  writeKubeconfig: declare({
    name: 'write-kubeconfig',
    aliases: ['o'],
    kind: pathKind,
    env: 'SKIFF_KUBECONFIG_OUTPUT',
    category: '(client)',
    usage: 'Write the admin kubeconfig to this file',
    // DESIGN.md §1: /etc/skiff/skiff.yaml as root (k3s: /etc/rancher/k3s/k3s.yaml), else inside the data dir.
    defaultValue: ({ system, valueOf }) =>
      isRoot(system) ? '/etc/skiff/skiff.yaml' : joinPath(valueOf(commonFlags.dataDir), 'skiff.yaml'),
  }),
  writeKubeconfigMode: declare({
    name: 'write-kubeconfig-mode',
    kind: fileModeKind,
    env: 'SKIFF_KUBECONFIG_MODE',
    category: '(client)',
    usage: 'Write the kubeconfig with this octal mode',
    defaultValue: 0o600,
  }),
  clusterCidr: declare({
    name: 'cluster-cidr',
    kind: cidrKind,
    category: '(networking)',
    usage: 'IPv4/IPv6 network CIDR to use for pod IPs',
    defaultValue: '10.42.0.0/16',
  }),
  serviceCidr: declare({
    name: 'service-cidr',
    kind: cidrKind,
    category: '(networking)',
    usage: 'IPv4/IPv6 network CIDR to use for service IPs',
    defaultValue: '10.43.0.0/16',
  }),
  clusterDns: declare({
    name: 'cluster-dns',
    kind: ipKind,
    category: '(networking)',
    usage: 'IPv4 Cluster IP for the DNS service; must be within service-cidr',
    defaultValue: '10.43.0.10',
  }),
  clusterDomain: declare({
    name: 'cluster-domain',
    kind: dnsSubdomainKind,
    category: '(networking)',
    usage: 'Cluster Domain',
    defaultValue: 'cluster.local',
  }),
  serviceNodePortRange: declare({
    name: 'service-node-port-range',
    kind: portRangeKind,
    category: '(networking)',
    usage: 'Port range to reserve for services with NodePort visibility',
    defaultValue: { min: 30000, max: 32767 },
  }),
  datastoreEndpoint: declare({
    name: 'datastore-endpoint',
    kind: stringKind,
    env: 'SKIFF_DATASTORE_ENDPOINT',
    category: '(db)',
    usage: 'Datastore: file:PATH or libsql:/http(s):/ws(s): URL of a libSQL database, or memory:',
    defaultValue: '',
    defaultDescription: 'embedded libSQL file under the data dir',
  }),
  nodeMonitorGracePeriod: declare({
    name: 'node-monitor-grace-period',
    kind: durationKind,
    category: '(controllers)',
    usage: 'How long a node may go without renewing its Lease or posting status before it is marked Unknown and tainted unreachable',
    // kube-controller-manager's default.
    defaultValue: 40_000,
  }),
  nodeMonitorPeriod: declare({
    name: 'node-monitor-period',
    kind: durationKind,
    category: '(controllers)',
    usage: 'How often the node lifecycle controller checks the health of every node',
    defaultValue: 5_000,
  }),
  disableScheduler: declare({
    name: 'disable-scheduler',
    kind: booleanKind,
    category: '(components)',
    usage: 'Disable the built-in scheduler (as k3s: another scheduler binds pods)',
    defaultValue: false,
  }),
  disableControllerManager: declare({
    name: 'disable-controller-manager',
    kind: booleanKind,
    category: '(components)',
    usage: 'Disable the built-in controllers (as k3s)',
    defaultValue: false,
  }),
  disableAgent: declare({
    name: 'disable-agent',
    kind: booleanKind,
    category: '(experimental)',
    usage: 'Do not run a local agent and register a local kubelet',
    defaultValue: false,
  }),
} as const;

/** Flags describing the node an agent runs: `skiff agent` and the server's local agent. */
export const nodeFlags = {
  nodeName: declare({
    name: 'node-name',
    kind: dnsSubdomainKind,
    env: 'SKIFF_NODE_NAME',
    category: '(agent/node)',
    usage: 'Node name',
    // As kubelet: the hostname, lowercased (a Node name is a DNS-1123 subdomain).
    defaultValue: ({ system }) => system.hostname.trim().toLowerCase(),
  }),
  nodeIp: declare({
    name: 'node-ip',
    aliases: ['i'],
    kind: optionalIpKind,
    category: '(agent/networking)',
    usage: 'IPv4/IPv6 address to advertise for node',
    defaultValue: undefined,
    defaultDescription: "the default-route interface's address",
  }),
  nodeLabel: declare({
    name: 'node-label',
    kind: listKind({ placeholder: 'key=value', parseItem: parseNodeLabel, formatItem: ([k, v]) => `${k}=${v}` }),
    category: '(agent/node)',
    usage: 'Registering and starting kubelet with set of labels',
    defaultValue: () => [],
  }),
  nodeTaint: declare({
    name: 'node-taint',
    kind: listKind<NodeTaint>({ placeholder: 'key=value:Effect', parseItem: parseNodeTaint, formatItem: formatNodeTaint }),
    category: '(agent/node)',
    usage: 'Registering kubelet with set of taints',
    defaultValue: () => [],
  }),
  proxyMode: declare({
    name: 'proxy-mode',
    kind: enumKind(['iptables', 'ipvs'] as const),
    category: '(agent/networking)',
    usage: 'How services are programmed on the node',
    defaultValue: 'iptables',
  }),
  flannelBackend: declare({
    name: 'flannel-backend',
    kind: enumKind(['vxlan', 'host-gw', 'none'] as const),
    category: '(agent/networking)',
    usage: "Pod network backend ('none' to bring your own CNI)",
    defaultValue: 'vxlan',
  }),
  containerRuntimeEndpoint: declare({
    name: 'container-runtime-endpoint',
    kind: optionalStringKind,
    category: '(agent/runtime)',
    usage: 'Use an existing containerd socket instead of starting the embedded one',
    defaultValue: undefined,
    defaultDescription: 'start containerd under the data dir',
  }),
  resolvConf: declare({
    name: 'resolv-conf',
    kind: pathKind,
    env: 'SKIFF_RESOLV_CONF',
    category: '(agent/networking)',
    usage: 'Resolver file whose nameservers cluster DNS forwards to',
    defaultValue: '/etc/resolv.conf',
  }),
} as const;

/** Flags of `skiff agent` only. */
export const agentFlags = {
  server: declare({
    name: 'server',
    aliases: ['s'],
    kind: serverUrlKind,
    env: 'SKIFF_URL',
    category: '(cluster)',
    usage: 'Server to connect to',
    defaultValue: undefined,
  }),
} as const;

export type Command = 'server' | 'agent';
export type AnyFlag = FlagDeclaration<unknown>;

/** Every flag a command accepts, in the order help lists them. */
export function flagsFor(command: Command): readonly AnyFlag[] {
  const { config, debug, dataDir, token } = commonFlags;
  const node = Object.values(nodeFlags) as AnyFlag[];
  if (command === 'server') {
    return [config, debug, dataDir, token, ...Object.values(serverFlags), ...node] as AnyFlag[];
  }
  return [config, debug, agentFlags.server, token, dataDir, ...node] as AnyFlag[];
}

/** Every config-file key some command accepts: one file serves `skiff server` and `skiff agent`. */
export function allFlagNames(): ReadonlySet<string> {
  return new Set([...flagsFor('server'), ...flagsFor('agent')].map((flag) => flag.name));
}
