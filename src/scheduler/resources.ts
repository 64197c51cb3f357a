/**
 * Resource amounts as plain numbers (milli-CPU, bytes, counts), computed once per pod or node
 * so the filters compare numbers, not quantity strings. Parsing uses the API's own pure
 * quantity parser, so both sides round the same way (upstream's Quantity.MilliValue/Value).
 */
import { parseQuantity } from '../quantity/quantity.ts';
import type { Container, Node, Pod, ResourceList } from './types.ts';

export const CPU = 'cpu';
export const MEMORY = 'memory';
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
export const PODS = 'pods';

/** As upstream's schedutil DefaultMilliCPURequest / DefaultMemoryRequest: what a container without requests counts as when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and hugepages resources, by name. */
  scalar: Map<string, number>;
}

export interface PodResources {
  requests: Resources;
  /** cpu and memory with upstream's defaults for containers that request none (scoring only). */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() };
}

const parsed = new Map<string, number>();

/** The amount of `name` in `value`: milli-units for cpu, whole units otherwise. Memoised: the same strings repeat across thousands of pods. */
export function quantityAmount(name: string, value: string | number): number {
  const cacheKey = `${name === CPU ? 'm' : 'u'}:${value}`;
  let amount = parsed.get(cacheKey);
  if (amount === undefined) {
    try {
      const q = parseQuantity(value);
      amount = Number(name === CPU ? q.milli() : q.value());
    } catch {
      amount = 0; // admission rejects malformed quantities; a stray one counts as nothing
    }
    if (parsed.size < 10_000) parsed.set(cacheKey, amount);
  }
  return amount;
}

export function resourcesOf(list: ResourceList | undefined): Resources {
  const out = emptyResources();
  if (!list) return out;
  for (const [name, value] of Object.entries(list)) addAmount(out, name, quantityAmount(name, value));
  return out;
}

function addAmount(into: Resources, name: string, amount: number): void {
  if (name === CPU) into.milliCPU += amount;
  else if (name === MEMORY) into.memory += amount;
  else if (name === EPHEMERAL_STORAGE) into.ephemeralStorage += amount;
  else if (name !== PODS) into.scalar.set(name, (into.scalar.get(name) ?? 0) + amount);
}

function add(into: Resources, other: Resources, sign = 1): void {
  into.milliCPU += sign * other.milliCPU;
  into.memory += sign * other.memory;
  into.ephemeralStorage += sign * other.ephemeralStorage;
  for (const [name, amount] of other.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * amount);
}

function maxInto(into: Resources, other: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, other.milliCPU);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  for (const [name, amount] of other.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, amount));
}

function clone(r: Resources): Resources {
  return { ...r, scalar: new Map(r.scalar) };
}

export function addResources(into: Resources, other: Resources): void {
  add(into, other, 1);
}

export function subtractResources(into: Resources, other: Resources): void {
  add(into, other, -1);
}

/**
 * What a pod asks of its node, as upstream's resourcehelper.PodRequests: the sum of its
 * containers and sidecars (restartable init containers, which run alongside), or the largest
 * init-container step if larger (each init container runs with the sidecars started before
 * it), plus the pod overhead. With `nonZero`, cpu and memory of a container that requests
 * none count as upstream's defaults.
 */
export function podRequests(pod: Pod, nonZero = false): Resources {
  const containerRequests = (c: Container): Resources => {
    const r = resourcesOf(c.resources?.requests);
    if (nonZero) {
      const req = c.resources?.requests;
      if (req?.[CPU] === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (req?.[MEMORY] === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  };
  const total = emptyResources();
  for (const c of pod.spec.containers ?? []) add(total, containerRequests(c));
  const sidecars = emptyResources();
  const largestInitStep = emptyResources();
  for (const c of pod.spec.initContainers ?? []) {
    const own = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      add(total, own);
      add(sidecars, own);
      maxInto(largestInitStep, sidecars);
    } else {
      const step = clone(own);
      add(step, sidecars);
      maxInto(largestInitStep, step);
    }
  }
  maxInto(total, largestInitStep);
  if (pod.spec.overhead) add(total, resourcesOf(pod.spec.overhead));
  return total;
}

export function podResources(pod: Pod): PodResources {
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, true);
  return { requests, nonZeroMilliCPU: nonZero.milliCPU, nonZeroMemory: nonZero.memory };
}

export interface Allocatable extends Resources {
  pods: number;
}

/** The node's status.allocatable; missing resources are zero, as upstream's NewResource. */
export function nodeAllocatable(node: Node): Allocatable {
  const list = node.status?.allocatable;
  const r = resourcesOf(list);
  return { ...r, pods: list?.[PODS] !== undefined ? quantityAmount(PODS, list[PODS]) : 0 };
}
