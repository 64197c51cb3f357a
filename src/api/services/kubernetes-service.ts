import { keyOf } from '../storage/keys.ts';
import type { KubeObject } from '../meta/object.ts';
import type { RevisionLog } from '../../store/types.ts';
import type { WatchCache } from '../storage/watch-cache.ts';
import { rfc3339 } from '../handlers/create.ts';

/**
 * The `default/kubernetes` Service, its Endpoints and EndpointSlice, pointing at this API
 * server, as kube-apiserver's master endpoints reconciler keeps them: port 443 named https
 * to the server's secure port, the advertise address as the only endpoint.
 */
export async function reconcileKubernetesService(opts: { store: RevisionLog; cache: WatchCache; now: Date; clusterIp: string; address: string; port: number }): Promise<void> {
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels },
    spec: {
      type: 'ClusterIP',
      clusterIP: opts.clusterIp,
      clusterIPs: [opts.clusterIp],
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: opts.port }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  };
  const endpoints: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: opts.address }], ports: [{ name: 'https', port: opts.port, protocol: 'TCP' }] }],
  };
  const slice: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [opts.address], conditions: { ready: true } }],
    ports: [{ name: 'https', port: opts.port, protocol: 'TCP' }],
  };
  await upsert(opts, keyOf('services', 'default', 'kubernetes'), service, (o) => o.spec);
  await upsert(opts, keyOf('endpoints', 'default', 'kubernetes'), endpoints, (o) => o.subsets);
  await upsert(opts, keyOf('endpointslices.discovery.k8s.io', 'default', 'kubernetes'), slice, (o) => [o.endpoints, o.ports]);
}

/** Creates the object, or rewrites it when the part that matters differs (the server moved). */
async function upsert(opts: { store: RevisionLog; cache: WatchCache; now: Date }, key: string, want: KubeObject, part: (o: KubeObject) => unknown): Promise<void> {
  const existing = opts.cache.get(key);
  if (!existing) {
    const obj = structuredClone(want);
    obj.metadata.uid = crypto.randomUUID();
    obj.metadata.creationTimestamp = rfc3339(opts.now);
    await opts.store.create(key, JSON.stringify(obj));
    return;
  }
  if (JSON.stringify(part(existing.obj)) === JSON.stringify(part(want))) return;
  const next = { ...structuredClone(existing.obj), ...structuredClone(want), metadata: { ...existing.obj.metadata, labels: want.metadata.labels } };
  delete next.metadata.resourceVersion;
  await opts.store.update(key, JSON.stringify(next), existing.revision);
}
