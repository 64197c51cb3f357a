import type { MessageTable } from './types.ts';

/** Protobuf descriptors of scheduling/v1 messages: field numbers as k8s.io/api scheduling/v1 generated.proto, JSON names and zero rules as the Go types. */
export const schedulingV1Messages: MessageTable = {
  'scheduling.v1.PriorityClass': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'value', kind: 'int32', keepZero: true },
    { no: 3, json: 'globalDefault', kind: 'bool' },
    { no: 4, json: 'description', kind: 'string' },
    { no: 5, json: 'preemptionPolicy', kind: 'string', keepZero: true },
  ],
};
