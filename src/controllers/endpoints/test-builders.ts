import type { Pod, Service } from './types.ts';

/** Small builders for the endpoint controllers' tests. */
export function service(overrides: { name?: string; selector?: Record<string, string> | null; ports?: NonNullable<Service['spec']>['ports']; clusterIP?: string; publishNotReadyAddresses?: boolean; labels?: Record<string, string>; type?: string } = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: overrides.name ?? 'web', namespace: 'default', uid: 'svc-uid', labels: overrides.labels, creationTimestamp: '2024-01-01T00:00:00Z' },
    spec: {
      type: overrides.type ?? 'ClusterIP',
      selector: overrides.selector === null ? undefined : (overrides.selector ?? { app: 'web' }),
      clusterIP: overrides.clusterIP ?? '10.43.0.20',
      ports: overrides.ports ?? [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      publishNotReadyAddresses: overrides.publishNotReadyAddresses,
    },
  };
}

export function pod(name: string, opts: { ip?: string; ready?: boolean; phase?: string; labels?: Record<string, string>; node?: string; deleting?: boolean; hostname?: string; subdomain?: string; ports?: { name?: string; containerPort: number; protocol?: string }[]; readySince?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      labels: opts.labels ?? { app: 'web' },
      ...(opts.deleting ? { deletionTimestamp: '2024-01-01T00:10:00Z' } : {}),
    },
    spec: {
      nodeName: opts.node ?? 'node-a',
      hostname: opts.hostname,
      subdomain: opts.subdomain,
      containers: [{ name: 'c', ports: opts.ports ?? [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
    },
    status: {
      phase: opts.phase ?? 'Running',
      ...(opts.ip === '' ? {} : { podIP: opts.ip ?? '10.42.0.5', podIPs: [{ ip: opts.ip ?? '10.42.0.5' }] }),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: opts.readySince ?? '2024-01-01T00:01:00Z' }],
    },
  };
}
