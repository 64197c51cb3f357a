import type { KubeObject } from '../../client/index.ts';

import type { LabelSelector } from '../../selectors/label-selector-match.ts';

/** metav1.LabelSelector, declared once with its matcher. */
export type { LabelSelector, LabelSelectorRequirement } from '../../selectors/label-selector-match.ts';

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
