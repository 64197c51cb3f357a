import type { KubeObject } from '../../client/index.ts';
import type { LabelSelector } from '../replicaset/types.ts';

/** The fields of policy/v1 PodDisruptionBudget the disruption controller reads and writes. */
export interface PodDisruptionBudget extends KubeObject {
  metadata: KubeObject['metadata'] & { generation?: number };
  spec: {
    selector?: LabelSelector;
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
  };
  status?: PodDisruptionBudgetStatus;
}

export interface PodDisruptionBudgetStatus {
  observedGeneration?: number;
  /** Pod name -> when the eviction API let it go (RFC 3339). */
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: PdbCondition[];
}

/** metav1.Condition, as the DisruptionAllowed condition is written. */
export interface PdbCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}
