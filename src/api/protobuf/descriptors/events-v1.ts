import type { MessageTable } from './types.ts';

/** Protobuf descriptors of events/v1 messages: field numbers as k8s.io/api events/v1 generated.proto, JSON names and zero rules as the Go types. */
export const eventsV1Messages: MessageTable = {
  'events.v1.Event': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'eventTime', kind: 'message:meta.v1.MicroTime' },
    { no: 3, json: 'series', kind: 'message:events.v1.EventSeries' },
    { no: 4, json: 'reportingController', kind: 'string' },
    { no: 5, json: 'reportingInstance', kind: 'string' },
    { no: 6, json: 'action', kind: 'string' },
    { no: 7, json: 'reason', kind: 'string' },
    { no: 8, json: 'regarding', kind: 'message:core.v1.ObjectReference' },
    { no: 9, json: 'related', kind: 'message:core.v1.ObjectReference' },
    { no: 10, json: 'note', kind: 'string' },
    { no: 11, json: 'type', kind: 'string' },
    { no: 12, json: 'deprecatedSource', kind: 'message:core.v1.EventSource' },
    { no: 13, json: 'deprecatedFirstTimestamp', kind: 'message:meta.v1.Time' },
    { no: 14, json: 'deprecatedLastTimestamp', kind: 'message:meta.v1.Time' },
    { no: 15, json: 'deprecatedCount', kind: 'int32' },
  ],
  'events.v1.EventSeries': [
    { no: 1, json: 'count', kind: 'int32', keepZero: true },
    { no: 2, json: 'lastObservedTime', kind: 'message:meta.v1.MicroTime' },
  ],
};
