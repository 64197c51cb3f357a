import ipaddr from 'ipaddr.js';
import { readArgv } from './argv.ts';
import { readConfigFileValues } from './config-file.ts';
import { locateConfigFile } from './config-file-location.ts';
import { ConfigError } from './errors.ts';
import { agentFlags, allFlagNames, commonFlags, flagsFor, nodeFlags, serverFlags, type Command } from './flags.ts';
import { resolveValues, type ResolvedValues } from './layered-values.ts';
import type { AgentConfig, NetworkSection, NodeSection, ServerConfig, SkiffConfig, SystemFacts } from './types.ts';

export interface ParseOptions<C extends Command> {
  readonly command: C;
  /** The arguments after the command name: `skiff server --tls-san a` gives `['--tls-san', 'a']`. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The config file's text, when one was found (see locateConfigFile). */
  readonly configFileText?: string;
  /** Where the text came from, for messages; defaults to the located path. */
  readonly configFilePath?: string;
  readonly system: SystemFacts;
}

/**
 * Turns a command line into typed configuration sections. Precedence, highest first:
 * flags, environment, config file, defaults (k3s: flags override the file). Every
 * problem is a ConfigError naming the flag or key and what was expected.
 */
export function parseCommandLine(options: ParseOptions<'server'>): ServerConfig;
export function parseCommandLine(options: ParseOptions<'agent'>): AgentConfig;
export function parseCommandLine(options: ParseOptions<Command>): SkiffConfig;
export function parseCommandLine(options: ParseOptions<Command>): SkiffConfig {
  const { command } = options;
  const flags = flagsFor(command);
  const fromArgv = readArgv({ argv: options.argv, flags, command });
  if (fromArgv.positionals.length > 0) {
    const [first] = fromArgv.positionals;
    throw new ConfigError(first!, `unexpected argument "${first}" for "skiff ${command}": it takes only flags`);
  }
  const configFilePath = options.configFileText === undefined ? undefined : (options.configFilePath ?? locateConfigFile(options).path);
  const fromFile = options.configFileText === undefined
    ? new Map<string, readonly string[]>()
    : readConfigFileValues({ text: options.configFileText, path: configFilePath ?? 'config file', flags, knownNames: allFlagNames() });
  const values = resolveValues({
    flags,
    system: options.system,
    layers: { argv: fromArgv.values, env: options.env, file: fromFile, filePath: configFilePath },
  });
  const common = {
    dataDir: values.valueOf(commonFlags.dataDir),
    debug: values.valueOf(commonFlags.debug),
    configFile: configFilePath,
  };
  return command === 'server' ? buildServerConfig(values, common) : buildAgentConfig(values, common);
}

function buildNodeSection(values: ResolvedValues): NodeSection {
  return {
    nodeName: values.valueOf(nodeFlags.nodeName),
    nodeIp: values.valueOf(nodeFlags.nodeIp),
    // Later labels win over earlier ones with the same key, as kubelet's --node-labels map.
    nodeLabels: Object.fromEntries(values.valueOf(nodeFlags.nodeLabel)),
    nodeTaints: values.valueOf(nodeFlags.nodeTaint),
    proxyMode: values.valueOf(nodeFlags.proxyMode),
    flannelBackend: values.valueOf(nodeFlags.flannelBackend),
    containerRuntimeEndpoint: values.valueOf(nodeFlags.containerRuntimeEndpoint),
    resolvConf: values.valueOf(nodeFlags.resolvConf),
  };
}

function buildServerConfig(values: ResolvedValues, common: Pick<ServerConfig, 'dataDir' | 'debug' | 'configFile'>): ServerConfig {
  const network: NetworkSection = {
    clusterCidr: values.valueOf(serverFlags.clusterCidr),
    serviceCidr: values.valueOf(serverFlags.serviceCidr),
    clusterDns: values.valueOf(serverFlags.clusterDns),
    clusterDomain: values.valueOf(serverFlags.clusterDomain),
    serviceNodePortRange: values.valueOf(serverFlags.serviceNodePortRange),
  };
  checkClusterDnsInServiceCidr(network);
  return {
    command: 'server',
    ...common,
    server: {
      bindAddress: values.valueOf(serverFlags.bindAddress),
      httpsListenPort: values.valueOf(serverFlags.httpsListenPort),
      advertiseAddress: values.valueOf(serverFlags.advertiseAddress),
      token: values.valueOf(commonFlags.token),
      writeKubeconfig: values.valueOf(serverFlags.writeKubeconfig),
      writeKubeconfigMode: values.valueOf(serverFlags.writeKubeconfigMode),
      disableAgent: values.valueOf(serverFlags.disableAgent),
      disableScheduler: values.valueOf(serverFlags.disableScheduler),
      disableControllerManager: values.valueOf(serverFlags.disableControllerManager),
    },
    agent: buildNodeSection(values),
    network,
    controllers: {
      nodeMonitorGracePeriodMs: values.valueOf(serverFlags.nodeMonitorGracePeriod),
      nodeMonitorPeriodMs: values.valueOf(serverFlags.nodeMonitorPeriod),
    },
    tls: { sans: values.valueOf(serverFlags.tlsSan) },
    datastore: { endpoint: values.valueOf(serverFlags.datastoreEndpoint) },
  };
}

function buildAgentConfig(values: ResolvedValues, common: Pick<AgentConfig, 'dataDir' | 'debug' | 'configFile'>): AgentConfig {
  const serverUrl = values.valueOf(agentFlags.server);
  const token = values.valueOf(commonFlags.token);
  // As k3s' agent: both are required before anything starts.
  if (serverUrl === undefined) {
    throw new ConfigError('--server', '--server is required for "skiff agent": expected the https URL of a server (or set $SKIFF_URL)');
  }
  if (token === undefined) {
    throw new ConfigError('--token', '--token is required for "skiff agent": expected the join token from DATA/server/token (or set $SKIFF_TOKEN)');
  }
  return { command: 'agent', ...common, agent: { ...buildNodeSection(values), serverUrl, token } };
}

/** kube-apiserver hands out the DNS ClusterIP from the service range, so one outside it can never be allocated. */
function checkClusterDnsInServiceCidr(network: NetworkSection): void {
  const dns = ipaddr.parse(network.clusterDns);
  const range = ipaddr.parseCIDR(network.serviceCidr);
  if (dns.kind() !== range[0].kind() || !dns.match(range)) {
    throw new ConfigError(
      '--cluster-dns',
      `invalid value "${network.clusterDns}" for --cluster-dns: expected an address within --service-cidr ${network.serviceCidr}`,
    );
  }
}
