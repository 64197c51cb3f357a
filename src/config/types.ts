import type { NodeTaint } from './node-metadata.ts';
import type { PortRange } from './value-kinds.ts';

/**
 * Facts about the user and machine that defaults depend on, injected by cmd/skiff.ts so
 * nothing is read at import time and tests can be root or not at will.
 */
export interface SystemFacts {
  readonly uid: number;
  readonly home: string;
  readonly hostname: string;
}

/** The API server's own listener, credentials and kubeconfig output. */
export interface ServerSection {
  readonly bindAddress: string;
  readonly httpsListenPort: number;
  /** Undefined: the node IP is advertised. */
  readonly advertiseAddress: string | undefined;
  /** Undefined: a random secret is generated once and kept in DATA/server/token. */
  readonly token: string | undefined;
  readonly writeKubeconfig: string;
  /** Permission bits, e.g. 0o600. */
  readonly writeKubeconfigMode: number;
  readonly disableAgent: boolean;
  readonly disableScheduler: boolean;
  readonly disableControllerManager: boolean;
}

/** The node an agent runs (the server's local agent or `skiff agent`). */
export interface NodeSection {
  readonly nodeName: string;
  /** Undefined: the address of the default-route interface, found at agent start. */
  readonly nodeIp: string | undefined;
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly nodeTaints: readonly NodeTaint[];
  readonly proxyMode: 'iptables' | 'ipvs';
  readonly flannelBackend: 'vxlan' | 'host-gw' | 'none';
  /** Undefined: the agent starts its own containerd under DATA/agent/containerd. */
  readonly containerRuntimeEndpoint: string | undefined;
  readonly resolvConf: string;
}

/** `skiff agent` also needs where to join and with what. */
export interface JoiningNodeSection extends NodeSection {
  readonly serverUrl: string;
  readonly token: string;
}

export interface NetworkSection {
  readonly clusterCidr: string;
  readonly serviceCidr: string;
  readonly clusterDns: string;
  readonly clusterDomain: string;
  readonly serviceNodePortRange: PortRange;
}

/** Tunables of the controllers run inside the server (kube-controller-manager's flags). */
export interface ControllersSection {
  /** --node-monitor-grace-period in milliseconds (40 s). */
  readonly nodeMonitorGracePeriodMs: number;
  /** --node-monitor-period in milliseconds (5 s). */
  readonly nodeMonitorPeriodMs: number;
}

export interface TlsSection {
  /** Extra Subject Alternative Names for the serving certificate. */
  readonly sans: readonly string[];
}

export interface DatastoreSection {
  /** Empty: the embedded libSQL file under DATA/server/db (see src/store/open.ts). */
  readonly endpoint: string;
}

interface CommonSections {
  readonly dataDir: string;
  readonly debug: boolean;
  /** The config file that was read, if any. */
  readonly configFile: string | undefined;
}

export interface ServerConfig extends CommonSections {
  readonly command: 'server';
  readonly server: ServerSection;
  readonly agent: NodeSection;
  readonly network: NetworkSection;
  readonly controllers: ControllersSection;
  readonly tls: TlsSection;
  readonly datastore: DatastoreSection;
}

export interface AgentConfig extends CommonSections {
  readonly command: 'agent';
  readonly agent: JoiningNodeSection;
}

export type SkiffConfig = ServerConfig | AgentConfig;

export type { NodeTaint, PortRange };
