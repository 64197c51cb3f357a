import { setMaxListeners } from 'node:events';
import type { ServerConfig } from '../../src/config/types.ts';
import { openStore } from '../../src/store/open.ts';
import { Compactor } from '../../src/store/compactor.ts';
import { ApiServer } from '../../src/api/api-server.ts';
import { guessNodeAddress } from '../../src/host/node-address.ts';
import { SKIFF_VERSION, kubernetesVersionInfo } from '../../src/version.ts';
import { ControllerManager } from '../../src/controllers/manager.ts';
import { defaultControllerOptions } from '../../src/controllers/framework/index.ts';
import { inProcessTransport, SharedInformerFactory } from '../../src/client/index.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';

/** The controllers' identity: in-process, never reachable from a socket (as k3s runs them with admin rights). */
const CONTROLLER_MANAGER_USER = { username: 'system:kube-controller-manager', groups: ['system:masters', 'system:authenticated'] };

/**
 * `skiff server`: wires the datastore, the API server, the controllers and the scheduler (the
 * local agent is a later release), then runs until the signal aborts. Start-up is
 * straight-line; stop runs in reverse order.
 */
export async function runServer(config: ServerConfig, signal: AbortSignal): Promise<void> {
  const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} skiff ${msg}\n`);
  const started = performance.now();
  const store = openStore(config.datastore.endpoint, config.dataDir);
  await store.start();
  const compactor = new Compactor({ store });
  let controllers: ControllerManager | undefined;
  let scheduler: Scheduler | undefined;
  let sharedInformers: SharedInformerFactory | undefined;
  const advertise = config.server.advertiseAddress ?? config.agent.nodeIp ?? guessNodeAddress();
  const api = new ApiServer({
    store,
    dataDir: config.dataDir,
    bindAddress: config.server.bindAddress,
    port: config.server.httpsListenPort,
    advertiseAddress: advertise,
    tlsSans: config.tls.sans,
    serviceCidr: config.network.serviceCidr,
    clusterDomain: config.network.clusterDomain,
    token: config.server.token,
    kubeconfig: { path: config.server.writeKubeconfig, mode: config.server.writeKubeconfigMode },
    nodePortRange: config.network.serviceNodePortRange,
    version: kubernetesVersionInfo(),
  });
  try {
    await api.start();
    compactor.start();
    const stopControllers = new AbortController();
    // Every informer, controller and worker listens to this one signal.
    setMaxListeners(0, stopControllers.signal);
    signal.addEventListener('abort', () => stopControllers.abort(), { once: true });
    const transport = inProcessTransport(api.inProcessFetch(CONTROLLER_MANAGER_USER));
    // One set of caches for the controllers and the scheduler, as one watch per resource.
    const informers = new SharedInformerFactory({ transport, onError: (e) => log(`informer: ${String(e)}`) });
    sharedInformers = informers;
    if (!config.server.disableControllerManager) {
      controllers = new ControllerManager({
        transport,
        informers,
        options: {
          ...defaultControllerOptions,
          ...config.controllers,
          clusterCidr: config.network.clusterCidr,
          rootCaPem: api.pki!.serverCa.certPem,
          certificateSigners: { client: api.pki!.clientCa, serving: api.pki!.serverCa },
        },
        log,
      });
      controllers.start(stopControllers.signal);
    }
    if (!config.server.disableScheduler) {
      scheduler = new Scheduler({ transport, informers, onError: (e) => log(`scheduler: ${String(e)}`) });
      scheduler.start(stopControllers.signal).catch((e) => log(`scheduler stopped: ${String(e)}`));
    }
    log(`API server ${SKIFF_VERSION} ready on https://${config.server.bindAddress}:${api.port} in ${Math.round(performance.now() - started)} ms; kubeconfig at ${config.server.writeKubeconfig}`);
    if (!config.server.disableAgent) log('the local agent is not part of this release yet: running the control plane only (as with --disable-agent)');
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    log('shutting down');
    await scheduler?.stop();
    await controllers?.stop();
    await sharedInformers?.stop();
    compactor.stop();
    await api.stop();
    await store.close();
  }
}
