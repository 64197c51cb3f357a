import type { KubeObject } from '../../client/index.ts';

/** metav1.LabelSelector. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]; [field: string]: unknown };
  spec?: Record<string, unknown>;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

/** The fields of apps/v1 ReplicaSet (and, through `selector`, core/v1 ReplicationController) the controllers read. */
export interface ReplicaSet extends KubeObject {
  metadata: KubeObject['metadata'] & { generation?: number; creationTimestamp?: string; ownerReferences?: unknown[] };
  spec: { replicas?: number; minReadySeconds?: number; selector?: LabelSelector; template?: PodTemplateSpec };
  status?: ReplicaSetStatus;
}

export interface ContainerStatus {
  name: string;
  restartCount?: number;
}

export interface Pod extends KubeObject {
  metadata: KubeObject['metadata'] & { creationTimestamp?: string; ownerReferences?: unknown[] };
  spec: { nodeName?: string; [field: string]: unknown };
  status?: {
    phase?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    [field: string]: unknown;
  };
}
