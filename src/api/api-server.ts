import { hostname } from 'node:os';
import { join } from 'node:path';
import type { RevisionLog } from '../store/types.ts';
import { WatchCache } from './storage/watch-cache.ts';
import { ResourceRegistry } from './resources/registry.ts';
import { createApiApp } from './http/app.ts';
import { listenHttps } from './http/adapters/node.ts';
import { bootstrapPolicyObjects, ensureBootstrapObjects, systemNamespaces } from './bootstrap.ts';
import { builtinSchemaLookup } from './schema/builtin-schemas.ts';
import { ensureClusterPki, ensureServerToken, splitTlsSans, writeKubeconfig, type ClusterPki } from '../pki/index.ts';
import { createAccess } from './access.ts';
import { createOpenApiService } from './openapi-service.ts';
import { CrdServing } from './crd/serving.ts';
import { createBuiltinStrategies } from './admission/index.ts';
import { ServiceAllocator } from './services/allocator.ts';
import { serviceAllocationHook } from './services/write-hook.ts';
import { reconcileKubernetesService } from './services/kubernetes-service.ts';
import { podCreateHook } from './pods/create-hook.ts';
import { csrRequesterHook } from './certificates/requester-hook.ts';
import { quotaAdmissionHook } from './quota/quota-admission.ts';
import type { ApiDeps } from './handlers/deps.ts';
import type { UserInfo } from './auth/authenticate.ts';

export interface ApiServerOptions {
  store: RevisionLog;
  dataDir: string;
  bindAddress: string;
  port: number;
  /** The address clients (and the `kubernetes` endpoints) should use. */
  advertiseAddress: string;
  tlsSans: readonly string[];
  /** --service-cidr: ClusterIPs are allocated from it; its first address is the `kubernetes` Service's. */
  serviceCidr: string;
  clusterDomain: string;
  token?: string;
  kubeconfig?: { path: string; mode: number };
  nodePortRange: { min: number; max: number };
  now?: () => Date;
  version: Record<string, string>;
}

/**
 * The API server component: datastore watch cache, certificates, bootstrap objects and the
 * HTTPS listener. `start` resolves once /readyz would answer ok.
 */
export class ApiServer {
  private cache?: WatchCache;
  private listener?: { close(): Promise<void>; port: number };
  private crds?: CrdServing;
  private app?: ReturnType<typeof createApiApp>;
  pki?: ClusterPki;
  deps?: ApiDeps;
  token?: string;

  constructor(private readonly opts: ApiServerOptions) {}

  get port(): number {
    return this.listener?.port ?? this.opts.port;
  }

  async start(): Promise<void> {
    const o = this.opts;
    const now = o.now ?? (() => new Date());
    const cache = (this.cache = new WatchCache(o.store));
    const allocator = new ServiceAllocator({ serviceCidr: o.serviceCidr, nodePorts: o.nodePortRange });
    const [pki] = await Promise.all([
      ensureClusterPki({
        tlsDir: join(o.dataDir, 'server', 'tls'),
        sans: splitTlsSans([hostname(), o.advertiseAddress, allocator.kubernetesIp, ...o.tlsSans]),
        clusterDomain: o.clusterDomain,
      }),
      cache.start(),
    ]);
    this.pki = pki;
    this.token = await ensureServerToken(o.dataDir, o.token);
    await ensureBootstrapObjects({ store: o.store, cache, now: now(), objects: [...systemNamespaces(), ...bootstrapPolicyObjects()] });
    await reconcileKubernetesService({ store: o.store, cache, now: now(), clusterIp: allocator.kubernetesIp, address: o.advertiseAddress, port: o.port });

    const registry = new ResourceRegistry();
    const access = await createAccess({ cache, pki, token: this.token, now });
    const strategies = createBuiltinStrategies({ serviceNodePortRange: o.nodePortRange });
    const writeHooks: ApiDeps['writeHooks'] = {
      services: serviceAllocationHook({ allocator, cache }),
      pods: podCreateHook(cache),
      'certificatesigningrequests.certificates.k8s.io': csrRequesterHook,
      '*': quotaAdmissionHook({ cache, now }),
    };
    const deps: ApiDeps = { store: o.store, cache, registry, schemas: builtinSchemaLookup, now, nodePortRange: o.nodePortRange, strategies, writeHooks, access: access.control };
    this.deps = deps;
    this.crds = new CrdServing(deps);
    this.crds.start();
    let ready = false;
    const app = (this.app = createApiApp({
      deps,
      gate: access.gate,
      publicRoutes: {
        '/cacerts': () => new Response(pki.serverCa.certPem, { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
        '/ping': () => new Response('pong', { headers: { 'content-type': 'text/plain' } }),
      },
      ready: () => ready,
      serverAddress: `${o.advertiseAddress}:${o.port}`,
      version: o.version,
      openapi: createOpenApiService(registry, (g, v) => this.crds?.customSchemas(g, v)),
    }));
    this.listener = await listenHttps({
      app,
      host: o.bindAddress,
      port: o.port,
      certPem: `${pki.serving.certPem}`,
      keyPem: pki.serving.keyPem,
      clientCaPem: pki.clientCa.certPem,
    });
    if (o.kubeconfig) {
      await writeKubeconfig({
        path: o.kubeconfig.path,
        mode: o.kubeconfig.mode,
        server: `https://127.0.0.1:${this.port}`,
        caPem: pki.serverCa.certPem,
        certPem: pki.admin.certPem,
        keyPem: pki.admin.keyPem,
      });
    }
    ready = true;
  }

  /**
   * A fetch that reaches the API without a socket, authenticated as `user`: the in-process
   * transport of src/client uses it for the server's own controllers and scheduler.
   */
  inProcessFetch(user: UserInfo): (request: Request) => Promise<Response> {
    const app = this.app;
    if (!app) throw new Error('the API server is not started');
    return async (request) => app.fetch(request, { peer: () => ({ inProcessUser: user }) });
  }

  async stop(): Promise<void> {
    this.crds?.stop();
    await this.listener?.close();
    this.cache?.stop();
  }
}
