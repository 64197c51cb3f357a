import type { KubeObject } from '../client/index.ts';
import { parseQuantity, type Quantity } from '../quantity/quantity.ts';
import { addQuantities, maxQuantity, zeroQuantity, type Usage } from './quantities.ts';

interface Container {
  name: string;
  restartPolicy?: string;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
}

interface PodShape {
  spec?: { containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, string | number> };
  status?: { phase?: string };
}

/**
 * Upstream's QuotaV1Pod: quota charges a pod until it has finished (Succeeded/Failed) or its
 * deletion grace period has run out.
 */
export function podCountsTowardQuota(pod: KubeObject, now: Date): boolean {
  const phase = (pod as PodShape).status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds as number | undefined;
  if (deletion && grace !== undefined && now.getTime() > Date.parse(deletion) + grace * 1000) return false;
  return true;
}

/**
 * The quota names one container's resources fill (upstream's podComputeUsageHelper): a
 * request of cpu fills both `cpu` and `requests.cpu`, a limit fills `limits.cpu`.
 */
export function containerComputeUsage(container: Container): Usage {
  const out: Usage = new Map();
  for (const [name, value] of Object.entries(container.resources?.requests ?? {})) {
    const q = parseQuantity(value);
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') out.set(name, q);
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) out.set(`requests.${name}`, q);
  }
  for (const [name, value] of Object.entries(container.resources?.limits ?? {})) {
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') out.set(`limits.${name}`, parseQuantity(value));
  }
  return out;
}

function sum(a: Usage, b: Usage): Usage {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, addQuantities(out.get(k) ?? zeroQuantity, v));
  return out;
}

function max(a: Usage, b: Usage): Usage {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, maxQuantity(out.get(k) ?? zeroQuantity, v));
  return out;
}

/**
 * A pod's compute usage as upstream's resourcehelper.PodRequests/PodLimits: the app
 * containers (plus restartable init "sidecars") summed, raised to any single init container
 * running beside the sidecars started before it, plus the pod overhead.
 */
export function podComputeUsage(pod: KubeObject): Usage {
  const spec = (pod as PodShape).spec ?? {};
  let sidecars: Usage = new Map();
  let initPeak: Usage = new Map();
  for (const init of spec.initContainers ?? []) {
    const usage = containerComputeUsage(init);
    if (init.restartPolicy === 'Always') {
      sidecars = sum(sidecars, usage);
      initPeak = max(initPeak, sidecars);
    } else {
      initPeak = max(initPeak, sum(usage, sidecars));
    }
  }
  let apps: Usage = new Map();
  for (const c of spec.containers ?? []) apps = sum(apps, containerComputeUsage(c));
  let total = max(sum(apps, sidecars), initPeak);
  if (spec.overhead) {
    // As upstream: overhead joins every request, but only the limits the pod already sets.
    const overhead = containerComputeUsage({ name: '', resources: { requests: spec.overhead, limits: spec.overhead } });
    for (const [k, v] of overhead) {
      if (!k.startsWith('limits.') || total.has(k)) total.set(k, addQuantities(total.get(k) ?? zeroQuantity, v));
    }
  }
  return total;
}

/** Usage of one pod: `count/pods` always, `pods` and compute while it counts (upstream's PodUsageFunc). */
export function podUsage(pod: KubeObject, now: Date): Usage {
  const one: Quantity = parseQuantity(1);
  const out: Usage = new Map([['count/pods', one]]);
  if (!podCountsTowardQuota(pod, now)) return out;
  out.set('pods', one);
  for (const [k, v] of podComputeUsage(pod)) out.set(k, v);
  return out;
}
