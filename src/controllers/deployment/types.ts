import type { KubeObject } from '../../client/index.ts';
import type { Condition, LabelSelector, PodTemplateSpec, ReplicaSet } from '../replicaset/types.ts';

export type { Condition, ReplicaSet };

export type IntOrPercent = number | string;

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
}

/** The fields of apps/v1 Deployment the controller reads (after the API's defaulting). */
export interface Deployment extends KubeObject {
  metadata: KubeObject['metadata'] & { generation?: number; creationTimestamp?: string };
  spec: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    strategy?: { type?: 'RollingUpdate' | 'Recreate'; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    paused?: boolean;
    progressDeadlineSeconds?: number;
  };
  status?: DeploymentStatus;
}

/** apps/v1's defaults, for fields the API may not have filled in. */
export const DEFAULT_REPLICAS = 1;
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export function desiredReplicas(d: Deployment): number {
  return d.spec.replicas ?? DEFAULT_REPLICAS;
}

export function rsReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}
