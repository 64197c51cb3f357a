import type { KubeObject } from '../../client/index.ts';
import type { Affinity, Toleration } from '../../scheduler/types.ts';

export interface DaemonPodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  [k: string]: unknown;
}

export interface DaemonSet extends KubeObject {
  spec: {
    selector?: unknown;
    template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: DaemonPodSpec };
    updateStrategy?: { type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status?: DaemonSetStatus;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

/** The deprecated label upstream still puts on daemon pods next to controller-revision-hash. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
