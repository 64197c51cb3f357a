import type { MessageTable } from './types.ts';

/** Protobuf descriptors of policy/v1 messages: field numbers as k8s.io/api policy/v1 generated.proto, JSON names and zero rules as the Go types. */
export const policyV1Messages: MessageTable = {
  'policy.v1.Eviction': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'deleteOptions', kind: 'message:meta.v1.DeleteOptions' },
  ],
  'policy.v1.PodDisruptionBudget': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:policy.v1.PodDisruptionBudgetSpec' },
    { no: 3, json: 'status', kind: 'message:policy.v1.PodDisruptionBudgetStatus' },
  ],
  'policy.v1.PodDisruptionBudgetSpec': [
    { no: 1, json: 'minAvailable', kind: 'message:intstr.IntOrString' },
    { no: 2, json: 'selector', kind: 'message:meta.v1.LabelSelector' },
    { no: 3, json: 'maxUnavailable', kind: 'message:intstr.IntOrString' },
    { no: 4, json: 'unhealthyPodEvictionPolicy', kind: 'string', keepZero: true },
  ],
  'policy.v1.PodDisruptionBudgetStatus': [
    { no: 1, json: 'observedGeneration', kind: 'int64' },
    { no: 2, json: 'disruptedPods', kind: 'map:string:message:meta.v1.Time' },
    { no: 3, json: 'disruptionsAllowed', kind: 'int32', keepZero: true },
    { no: 4, json: 'currentHealthy', kind: 'int32', keepZero: true },
    { no: 5, json: 'desiredHealthy', kind: 'int32', keepZero: true },
    { no: 6, json: 'expectedPods', kind: 'int32', keepZero: true },
    { no: 7, json: 'conditions', kind: 'message:meta.v1.Condition', repeated: true },
  ],
};
