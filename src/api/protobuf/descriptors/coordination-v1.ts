import type { MessageTable } from './types.ts';

/** Protobuf descriptors of coordination/v1 messages: field numbers as k8s.io/api coordination/v1 generated.proto, JSON names and zero rules as the Go types. */
export const coordinationV1Messages: MessageTable = {
  'coordination.v1.Lease': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:coordination.v1.LeaseSpec' },
  ],
  'coordination.v1.LeaseSpec': [
    { no: 1, json: 'holderIdentity', kind: 'string', keepZero: true },
    { no: 2, json: 'leaseDurationSeconds', kind: 'int32', keepZero: true },
    { no: 3, json: 'acquireTime', kind: 'message:meta.v1.MicroTime' },
    { no: 4, json: 'renewTime', kind: 'message:meta.v1.MicroTime' },
    { no: 5, json: 'leaseTransitions', kind: 'int32', keepZero: true },
    { no: 6, json: 'strategy', kind: 'string', keepZero: true },
    { no: 7, json: 'preferredHolder', kind: 'string', keepZero: true },
  ],
};
