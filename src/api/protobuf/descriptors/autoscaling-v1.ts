import type { MessageTable } from './types.ts';

/** Protobuf descriptors of autoscaling/v1 messages: field numbers as k8s.io/api autoscaling/v1 generated.proto, JSON names and zero rules as the Go types. */
export const autoscalingV1Messages: MessageTable = {
  'autoscaling.v1.CrossVersionObjectReference': [
    { no: 1, json: 'kind', kind: 'string', keepZero: true },
    { no: 2, json: 'name', kind: 'string', keepZero: true },
    { no: 3, json: 'apiVersion', kind: 'string' },
  ],
  'autoscaling.v1.HorizontalPodAutoscaler': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:autoscaling.v1.HorizontalPodAutoscalerSpec' },
    { no: 3, json: 'status', kind: 'message:autoscaling.v1.HorizontalPodAutoscalerStatus' },
  ],
  'autoscaling.v1.HorizontalPodAutoscalerSpec': [
    { no: 1, json: 'scaleTargetRef', kind: 'message:autoscaling.v1.CrossVersionObjectReference' },
    { no: 2, json: 'minReplicas', kind: 'int32', keepZero: true },
    { no: 3, json: 'maxReplicas', kind: 'int32', keepZero: true },
    { no: 4, json: 'targetCPUUtilizationPercentage', kind: 'int32', keepZero: true },
  ],
  'autoscaling.v1.HorizontalPodAutoscalerStatus': [
    { no: 1, json: 'observedGeneration', kind: 'int64', keepZero: true },
    { no: 2, json: 'lastScaleTime', kind: 'message:meta.v1.Time' },
    { no: 3, json: 'currentReplicas', kind: 'int32', keepZero: true },
    { no: 4, json: 'desiredReplicas', kind: 'int32', keepZero: true },
    { no: 5, json: 'currentCPUUtilizationPercentage', kind: 'int32', keepZero: true },
  ],
  'autoscaling.v1.Scale': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:autoscaling.v1.ScaleSpec' },
    { no: 3, json: 'status', kind: 'message:autoscaling.v1.ScaleStatus' },
  ],
  'autoscaling.v1.ScaleSpec': [
    { no: 1, json: 'replicas', kind: 'int32' },
  ],
  'autoscaling.v1.ScaleStatus': [
    { no: 1, json: 'replicas', kind: 'int32', keepZero: true },
    { no: 2, json: 'selector', kind: 'string' },
  ],
};
