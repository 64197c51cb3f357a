import type { MessageTable } from './types.ts';

/** Protobuf descriptors of batch/v1 messages: field numbers as k8s.io/api batch/v1 generated.proto, JSON names and zero rules as the Go types. */
export const batchV1Messages: MessageTable = {
  'batch.v1.CronJob': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:batch.v1.CronJobSpec' },
    { no: 3, json: 'status', kind: 'message:batch.v1.CronJobStatus' },
  ],
  'batch.v1.CronJobSpec': [
    { no: 1, json: 'schedule', kind: 'string', keepZero: true },
    { no: 2, json: 'startingDeadlineSeconds', kind: 'int64', keepZero: true },
    { no: 3, json: 'concurrencyPolicy', kind: 'string' },
    { no: 4, json: 'suspend', kind: 'bool', keepZero: true },
    { no: 5, json: 'jobTemplate', kind: 'message:batch.v1.JobTemplateSpec' },
    { no: 6, json: 'successfulJobsHistoryLimit', kind: 'int32', keepZero: true },
    { no: 7, json: 'failedJobsHistoryLimit', kind: 'int32', keepZero: true },
    { no: 8, json: 'timeZone', kind: 'string', keepZero: true },
  ],
  'batch.v1.CronJobStatus': [
    { no: 1, json: 'active', kind: 'message:core.v1.ObjectReference', repeated: true },
    { no: 4, json: 'lastScheduleTime', kind: 'message:meta.v1.Time' },
    { no: 5, json: 'lastSuccessfulTime', kind: 'message:meta.v1.Time' },
  ],
  'batch.v1.Job': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:batch.v1.JobSpec' },
    { no: 3, json: 'status', kind: 'message:batch.v1.JobStatus' },
  ],
  'batch.v1.JobCondition': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'status', kind: 'string', keepZero: true },
    { no: 3, json: 'lastProbeTime', kind: 'message:meta.v1.Time' },
    { no: 4, json: 'lastTransitionTime', kind: 'message:meta.v1.Time' },
    { no: 5, json: 'reason', kind: 'string' },
    { no: 6, json: 'message', kind: 'string' },
  ],
  'batch.v1.JobSchedulingConfiguration': [
  ],
  'batch.v1.JobSpec': [
    { no: 1, json: 'parallelism', kind: 'int32', keepZero: true },
    { no: 2, json: 'completions', kind: 'int32', keepZero: true },
    { no: 3, json: 'activeDeadlineSeconds', kind: 'int64', keepZero: true },
    { no: 4, json: 'selector', kind: 'message:meta.v1.LabelSelector' },
    { no: 5, json: 'manualSelector', kind: 'bool', keepZero: true },
    { no: 6, json: 'template', kind: 'message:core.v1.PodTemplateSpec' },
    { no: 7, json: 'backoffLimit', kind: 'int32', keepZero: true },
    { no: 8, json: 'ttlSecondsAfterFinished', kind: 'int32', keepZero: true },
    { no: 9, json: 'completionMode', kind: 'string', keepZero: true },
    { no: 10, json: 'suspend', kind: 'bool', keepZero: true },
    { no: 11, json: 'podFailurePolicy', kind: 'message:batch.v1.PodFailurePolicy' },
    { no: 12, json: 'backoffLimitPerIndex', kind: 'int32', keepZero: true },
    { no: 13, json: 'maxFailedIndexes', kind: 'int32', keepZero: true },
    { no: 14, json: 'podReplacementPolicy', kind: 'string', keepZero: true },
    { no: 15, json: 'managedBy', kind: 'string', keepZero: true },
    { no: 16, json: 'successPolicy', kind: 'message:batch.v1.SuccessPolicy' },
    { no: 17, json: 'scheduling', kind: 'message:batch.v1.JobSchedulingConfiguration' },
  ],
  'batch.v1.JobStatus': [
    { no: 1, json: 'conditions', kind: 'message:batch.v1.JobCondition', repeated: true },
    { no: 2, json: 'startTime', kind: 'message:meta.v1.Time' },
    { no: 3, json: 'completionTime', kind: 'message:meta.v1.Time' },
    { no: 4, json: 'active', kind: 'int32' },
    { no: 5, json: 'succeeded', kind: 'int32' },
    { no: 6, json: 'failed', kind: 'int32' },
    { no: 7, json: 'completedIndexes', kind: 'string' },
    { no: 8, json: 'uncountedTerminatedPods', kind: 'message:batch.v1.UncountedTerminatedPods' },
    { no: 9, json: 'ready', kind: 'int32', keepZero: true },
    { no: 10, json: 'failedIndexes', kind: 'string', keepZero: true },
    { no: 11, json: 'terminating', kind: 'int32', keepZero: true },
  ],
  'batch.v1.JobTemplateSpec': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:batch.v1.JobSpec' },
  ],
  'batch.v1.PodFailurePolicy': [
    { no: 1, json: 'rules', kind: 'message:batch.v1.PodFailurePolicyRule', repeated: true },
  ],
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': [
    { no: 1, json: 'containerName', kind: 'string', keepZero: true },
    { no: 2, json: 'operator', kind: 'string', keepZero: true },
    { no: 3, json: 'values', kind: 'int32', repeated: true },
  ],
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'status', kind: 'string', keepZero: true },
  ],
  'batch.v1.PodFailurePolicyRule': [
    { no: 1, json: 'action', kind: 'string', keepZero: true },
    { no: 2, json: 'onExitCodes', kind: 'message:batch.v1.PodFailurePolicyOnExitCodesRequirement' },
    { no: 3, json: 'onPodConditions', kind: 'message:batch.v1.PodFailurePolicyOnPodConditionsPattern', repeated: true },
  ],
  'batch.v1.SuccessPolicy': [
    { no: 1, json: 'rules', kind: 'message:batch.v1.SuccessPolicyRule', repeated: true },
  ],
  'batch.v1.SuccessPolicyRule': [
    { no: 1, json: 'succeededIndexes', kind: 'string', keepZero: true },
    { no: 2, json: 'succeededCount', kind: 'int32', keepZero: true },
  ],
  'batch.v1.UncountedTerminatedPods': [
    { no: 1, json: 'succeeded', kind: 'string', repeated: true },
    { no: 2, json: 'failed', kind: 'string', repeated: true },
  ],
};
