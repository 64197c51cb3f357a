import type { ResourceClient, ResourceType, SharedInformerFactory, Clock, KubeObject, Transport, EventRecorder } from '../../client/index.ts';

/** Tunables of the controllers, with upstream's defaults (kube-controller-manager flags). */
export interface ControllerOptions {
  /** --node-monitor-grace-period: a node whose Lease is this old becomes Ready=Unknown (40 s). */
  nodeMonitorGracePeriodMs: number;
  /** How often node health is checked (--node-monitor-period, 5 s). */
  nodeMonitorPeriodMs: number;
  /** --cluster-cidr and the per-node mask (/24), for podCIDR allocation. */
  clusterCidr: string;
  nodeCidrMaskSize: number;
  /** --terminated-pod-gc-threshold (12500). */
  terminatedPodGcThreshold: number;
  /** PEM of the cluster CA, published as kube-root-ca.crt in every namespace. */
  rootCaPem: string;
  /** Worker count per controller (kube-controller-manager's --concurrent-*-syncs, 5). */
  workers: number;
  /** The CAs the CSR signer issues from (--cluster-signing-*), PEM; absent: nothing is signed. */
  certificateSigners?: { client: { certPem: string; keyPem: string }; serving: { certPem: string; keyPem: string } };
}

export const defaultControllerOptions: Omit<ControllerOptions, 'rootCaPem'> = {
  nodeMonitorGracePeriodMs: 40_000,
  nodeMonitorPeriodMs: 5_000,
  clusterCidr: '10.42.0.0/16',
  nodeCidrMaskSize: 24,
  terminatedPodGcThreshold: 12_500,
  workers: 5,
};

/** What every controller is given: shared informers, clients, an event recorder and time. */
export interface ControllerContext {
  informers: SharedInformerFactory;
  transport: Transport;
  client<T extends KubeObject = KubeObject>(type: ResourceType): ResourceClient<T>;
  events: EventRecorder;
  clock: Clock;
  /** Wall-clock time for timestamps (the clock above measures intervals). */
  now(): Date;
  options: ControllerOptions;
}

/**
 * A controller: `start` registers its informers and handlers (before the factory starts),
 * then runs until `signal` aborts. Handlers only enqueue keys; work happens in reconcile.
 */
export interface Controller {
  readonly name: string;
  /**
   * The event source component its events carry (`kubectl describe` shows it under From), as
   * upstream's controllers name themselves: `job-controller`, `node-controller`. Without one,
   * events say `kube-controller-manager`.
   */
  readonly eventSource?: string;
  start(ctx: ControllerContext, signal: AbortSignal): Promise<void>;
}
