/**
 * Which API resource a quota resource name counts, as upstream's quota evaluators claim names
 * (pkg/quota/v1/evaluator/core): the compute names and `pods` belong to the pod evaluator,
 * `services.*` to services, `requests.storage` to claims, and `count/<resource>[.<group>]`
 * to the generic object-count evaluator of that resource. Answers the qualified resource
 * (`pods`, `deployments.apps`), or undefined for a name no evaluator tracks.
 */
export function trackedResourceOf(name: string): string | undefined {
  if (name.startsWith('count/')) return name.slice('count/'.length) || undefined;
  const legacy = legacyObjectCounts[name];
  if (legacy) return legacy;
  if (name === 'requests.storage' || name.endsWith('.storageclass.storage.k8s.io/requests.storage') || name.endsWith('.storageclass.storage.k8s.io/persistentvolumeclaims')) {
    return 'persistentvolumeclaims';
  }
  if (podComputeNames.has(name) || /^(requests\.)?hugepages-/.test(name)) return 'pods';
  return undefined;
}

/** The object counts quota tracked before `count/` existed, and the resource each counts. */
const legacyObjectCounts: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  'services.nodeports': 'services',
  'services.loadbalancers': 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
  persistentvolumeclaims: 'persistentvolumeclaims',
};

/** The pod compute resources quota tracks; bare `cpu`/`memory` mean requests (upstream). */
export const podComputeNames = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);

/**
 * The compute names every container must set when a quota tracks them (upstream's pod
 * evaluator validationSet: a backward-compatibility rule kept only for cpu and memory).
 */
export const containerMustSpecify = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);
