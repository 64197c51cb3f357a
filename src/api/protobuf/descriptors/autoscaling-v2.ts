import type { MessageTable } from './types.ts';

/** Protobuf descriptors of autoscaling/v2 messages: field numbers as k8s.io/api autoscaling/v2 generated.proto, JSON names and zero rules as the Go types. */
export const autoscalingV2Messages: MessageTable = {
  'autoscaling.v2.ContainerResourceMetricSource': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'target', kind: 'message:autoscaling.v2.MetricTarget' },
    { no: 3, json: 'container', kind: 'string', keepZero: true },
  ],
  'autoscaling.v2.ContainerResourceMetricStatus': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'current', kind: 'message:autoscaling.v2.MetricValueStatus' },
    { no: 3, json: 'container', kind: 'string', keepZero: true },
  ],
  'autoscaling.v2.CrossVersionObjectReference': [
    { no: 1, json: 'kind', kind: 'string', keepZero: true },
    { no: 2, json: 'name', kind: 'string', keepZero: true },
    { no: 3, json: 'apiVersion', kind: 'string' },
  ],
  'autoscaling.v2.ExternalMetricSource': [
    { no: 1, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
    { no: 2, json: 'target', kind: 'message:autoscaling.v2.MetricTarget' },
  ],
  'autoscaling.v2.ExternalMetricStatus': [
    { no: 1, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
    { no: 2, json: 'current', kind: 'message:autoscaling.v2.MetricValueStatus' },
  ],
  'autoscaling.v2.HPAScalingPolicy': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'value', kind: 'int32', keepZero: true },
    { no: 3, json: 'periodSeconds', kind: 'int32', keepZero: true },
  ],
  'autoscaling.v2.HPAScalingRules': [
    { no: 1, json: 'selectPolicy', kind: 'string', keepZero: true },
    { no: 2, json: 'policies', kind: 'message:autoscaling.v2.HPAScalingPolicy', repeated: true },
    { no: 3, json: 'stabilizationWindowSeconds', kind: 'int32', keepZero: true },
    { no: 4, json: 'tolerance', kind: 'message:resource.Quantity' },
  ],
  'autoscaling.v2.HorizontalPodAutoscaler': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:autoscaling.v2.HorizontalPodAutoscalerSpec' },
    { no: 3, json: 'status', kind: 'message:autoscaling.v2.HorizontalPodAutoscalerStatus' },
  ],
  'autoscaling.v2.HorizontalPodAutoscalerBehavior': [
    { no: 1, json: 'scaleUp', kind: 'message:autoscaling.v2.HPAScalingRules' },
    { no: 2, json: 'scaleDown', kind: 'message:autoscaling.v2.HPAScalingRules' },
  ],
  'autoscaling.v2.HorizontalPodAutoscalerCondition': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'status', kind: 'string', keepZero: true },
    { no: 3, json: 'lastTransitionTime', kind: 'message:meta.v1.Time' },
    { no: 4, json: 'reason', kind: 'string' },
    { no: 5, json: 'message', kind: 'string' },
    { no: 6, json: 'observedGeneration', kind: 'int64', keepZero: true },
  ],
  'autoscaling.v2.HorizontalPodAutoscalerSpec': [
    { no: 1, json: 'scaleTargetRef', kind: 'message:autoscaling.v2.CrossVersionObjectReference' },
    { no: 2, json: 'minReplicas', kind: 'int32', keepZero: true },
    { no: 3, json: 'maxReplicas', kind: 'int32', keepZero: true },
    { no: 4, json: 'metrics', kind: 'message:autoscaling.v2.MetricSpec', repeated: true },
    { no: 5, json: 'behavior', kind: 'message:autoscaling.v2.HorizontalPodAutoscalerBehavior' },
  ],
  'autoscaling.v2.HorizontalPodAutoscalerStatus': [
    { no: 1, json: 'observedGeneration', kind: 'int64', keepZero: true },
    { no: 2, json: 'lastScaleTime', kind: 'message:meta.v1.Time' },
    { no: 3, json: 'currentReplicas', kind: 'int32' },
    { no: 4, json: 'desiredReplicas', kind: 'int32', keepZero: true },
    { no: 5, json: 'currentMetrics', kind: 'message:autoscaling.v2.MetricStatus', repeated: true },
    { no: 6, json: 'conditions', kind: 'message:autoscaling.v2.HorizontalPodAutoscalerCondition', repeated: true },
  ],
  'autoscaling.v2.MetricIdentifier': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'selector', kind: 'message:meta.v1.LabelSelector' },
  ],
  'autoscaling.v2.MetricSpec': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'object', kind: 'message:autoscaling.v2.ObjectMetricSource' },
    { no: 3, json: 'pods', kind: 'message:autoscaling.v2.PodsMetricSource' },
    { no: 4, json: 'resource', kind: 'message:autoscaling.v2.ResourceMetricSource' },
    { no: 5, json: 'external', kind: 'message:autoscaling.v2.ExternalMetricSource' },
    { no: 7, json: 'containerResource', kind: 'message:autoscaling.v2.ContainerResourceMetricSource' },
  ],
  'autoscaling.v2.MetricStatus': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'object', kind: 'message:autoscaling.v2.ObjectMetricStatus' },
    { no: 3, json: 'pods', kind: 'message:autoscaling.v2.PodsMetricStatus' },
    { no: 4, json: 'resource', kind: 'message:autoscaling.v2.ResourceMetricStatus' },
    { no: 5, json: 'external', kind: 'message:autoscaling.v2.ExternalMetricStatus' },
    { no: 7, json: 'containerResource', kind: 'message:autoscaling.v2.ContainerResourceMetricStatus' },
  ],
  'autoscaling.v2.MetricTarget': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'value', kind: 'message:resource.Quantity' },
    { no: 3, json: 'averageValue', kind: 'message:resource.Quantity' },
    { no: 4, json: 'averageUtilization', kind: 'int32', keepZero: true },
  ],
  'autoscaling.v2.MetricValueStatus': [
    { no: 1, json: 'value', kind: 'message:resource.Quantity' },
    { no: 2, json: 'averageValue', kind: 'message:resource.Quantity' },
    { no: 3, json: 'averageUtilization', kind: 'int32', keepZero: true },
  ],
  'autoscaling.v2.ObjectMetricSource': [
    { no: 1, json: 'describedObject', kind: 'message:autoscaling.v2.CrossVersionObjectReference' },
    { no: 2, json: 'target', kind: 'message:autoscaling.v2.MetricTarget' },
    { no: 3, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
  ],
  'autoscaling.v2.ObjectMetricStatus': [
    { no: 1, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
    { no: 2, json: 'current', kind: 'message:autoscaling.v2.MetricValueStatus' },
    { no: 3, json: 'describedObject', kind: 'message:autoscaling.v2.CrossVersionObjectReference' },
  ],
  'autoscaling.v2.PodsMetricSource': [
    { no: 1, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
    { no: 2, json: 'target', kind: 'message:autoscaling.v2.MetricTarget' },
  ],
  'autoscaling.v2.PodsMetricStatus': [
    { no: 1, json: 'metric', kind: 'message:autoscaling.v2.MetricIdentifier' },
    { no: 2, json: 'current', kind: 'message:autoscaling.v2.MetricValueStatus' },
  ],
  'autoscaling.v2.ResourceMetricSource': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'target', kind: 'message:autoscaling.v2.MetricTarget' },
  ],
  'autoscaling.v2.ResourceMetricStatus': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'current', kind: 'message:autoscaling.v2.MetricValueStatus' },
  ],
};
