/** Small object builders for the scheduler's table tests (STYLE.md §6). */
import { newPodInfo, type PodInfo } from './pod-info.ts';
import type { Node, Pod, PodSpec, Taint } from './types.ts';

export interface NodeShape {
  cpu?: string;
  memory?: string;
  pods?: number;
  ephemeralStorage?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  extra?: Record<string, string>;
}

export function makeNode(name: string, shape: NodeShape = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...shape.labels } },
    spec: { taints: shape.taints, unschedulable: shape.unschedulable },
    status: {
      allocatable: {
        cpu: shape.cpu ?? '4',
        memory: shape.memory ?? '8Gi',
        pods: String(shape.pods ?? 110),
        'ephemeral-storage': shape.ephemeralStorage ?? '100Gi',
        ...shape.extra,
      },
    },
  };
}

export interface PodShape extends Partial<PodSpec> {
  namespace?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  ownerUid?: string;
  deleting?: boolean;
  startTime?: string;
}

export function makePod(name: string, shape: PodShape = {}): Pod {
  const { namespace, cpu, memory, labels, ownerUid, deleting, startTime, ...spec } = shape;
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: namespace ?? 'default',
      uid: `uid-${name}`,
      labels,
      ownerReferences: ownerUid ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: ownerUid, controller: true }] : undefined,
      deletionTimestamp: deleting ? '2024-01-01T00:00:00Z' : undefined,
    },
    spec: { containers: [{ name: 'c', resources: { requests } }], ...spec },
    status: { startTime },
  };
}

export function podInfo(name: string, shape: PodShape = {}): PodInfo {
  return newPodInfo(makePod(name, shape));
}
