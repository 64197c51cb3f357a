import type { KubeObject } from '../client/index.ts';
import { parseQuantity } from '../quantity/quantity.ts';
import { podUsage } from './pod-usage.ts';
import { addUsage, maskUsage, type Usage } from './quantities.ts';
import { trackedResourceOf } from './tracked-resources.ts';

const one = () => parseQuantity(1);

interface ServiceShape {
  spec?: { type?: string; ports?: { nodePort?: number }[]; allocateLoadBalancerNodePorts?: boolean };
}

/** upstream's ServiceUsageFunc: node ports of NodePort and LoadBalancer services, and the load balancers. */
function serviceUsage(svc: KubeObject): Usage {
  const out: Usage = new Map([['count/services', one()], ['services', one()]]);
  const spec = (svc as ServiceShape).spec ?? {};
  const ports = spec.ports ?? [];
  if (spec.type === 'NodePort') out.set('services.nodeports', parseQuantity(ports.length));
  if (spec.type === 'LoadBalancer') {
    out.set('services.loadbalancers', one());
    // With node-port allocation switched off, only ports that still hold one count.
    const held = spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length;
    out.set('services.nodeports', parseQuantity(held));
  }
  return out;
}

/** upstream's PersistentVolumeClaim evaluator: a count and the requested storage, per class too. */
function claimUsage(pvc: KubeObject): Usage {
  const out: Usage = new Map([['count/persistentvolumeclaims', one()], ['persistentvolumeclaims', one()]]);
  const spec = pvc.spec as { storageClassName?: string; resources?: { requests?: { storage?: string } } } | undefined;
  const storage = spec?.resources?.requests?.storage;
  const className = spec?.storageClassName;
  if (className) out.set(`${className}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
  if (storage !== undefined) {
    out.set('requests.storage', parseQuantity(storage));
    if (className) out.set(`${className}.storageclass.storage.k8s.io/requests.storage`, parseQuantity(storage));
  }
  return out;
}

/** The legacy object-count names whose objects count one each. */
const plainCounts = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']);

/**
 * What one object of `resource` (qualified: `pods`, `deployments.apps`) uses, under every quota
 * name that could track it. `now` decides whether a deleted pod's grace period has run out.
 */
export function objectUsage(opts: { resource: string; obj: KubeObject; now: Date }): Usage {
  const { resource, obj, now } = opts;
  if (resource === 'pods') return podUsage(obj, now);
  if (resource === 'services') return serviceUsage(obj);
  if (resource === 'persistentvolumeclaims') return claimUsage(obj);
  const out: Usage = new Map([[`count/${resource}`, one()]]);
  if (plainCounts.has(resource)) out.set(resource, one());
  return out;
}

/**
 * The namespace's usage of every name in `names` that an evaluator tracks, each present
 * (zero when nothing uses it), as the quota controller fills status.used.
 * `objectsOf(resource)` answers the namespace's objects of one qualified resource.
 */
export function namespaceUsage(opts: { names: Iterable<string>; objectsOf: (resource: string) => KubeObject[]; now: Date }): Usage {
  const byResource = new Map<string, string[]>();
  for (const name of opts.names) {
    const resource = trackedResourceOf(name);
    if (!resource) continue;
    byResource.set(resource, [...(byResource.get(resource) ?? []), name]);
  }
  const total: Usage = new Map();
  for (const [resource, names] of byResource) {
    for (const name of names) total.set(name, parseQuantity(0));
    for (const obj of opts.objectsOf(resource)) addUsage(total, maskUsage(objectUsage({ resource, obj, now: opts.now }), names));
  }
  return total;
}
