import type { MessageTable } from './types.ts';

/** Protobuf descriptors of discovery/v1 messages: field numbers as k8s.io/api discovery/v1 generated.proto, JSON names and zero rules as the Go types. */
export const discoveryV1Messages: MessageTable = {
  'discovery.v1.Endpoint': [
    { no: 1, json: 'addresses', kind: 'string', repeated: true },
    { no: 2, json: 'conditions', kind: 'message:discovery.v1.EndpointConditions' },
    { no: 3, json: 'hostname', kind: 'string', keepZero: true },
    { no: 4, json: 'targetRef', kind: 'message:core.v1.ObjectReference' },
    { no: 5, json: 'deprecatedTopology', kind: 'map:string:string' },
    { no: 6, json: 'nodeName', kind: 'string', keepZero: true },
    { no: 7, json: 'zone', kind: 'string', keepZero: true },
    { no: 8, json: 'hints', kind: 'message:discovery.v1.EndpointHints' },
  ],
  'discovery.v1.EndpointConditions': [
    { no: 1, json: 'ready', kind: 'bool', keepZero: true },
    { no: 2, json: 'serving', kind: 'bool', keepZero: true },
    { no: 3, json: 'terminating', kind: 'bool', keepZero: true },
  ],
  'discovery.v1.EndpointHints': [
    { no: 1, json: 'forZones', kind: 'message:discovery.v1.ForZone', repeated: true },
    { no: 2, json: 'forNodes', kind: 'message:discovery.v1.ForNode', repeated: true },
  ],
  'discovery.v1.EndpointPort': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'protocol', kind: 'string', keepZero: true },
    { no: 3, json: 'port', kind: 'int32', keepZero: true },
    { no: 4, json: 'appProtocol', kind: 'string', keepZero: true },
  ],
  'discovery.v1.EndpointSlice': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'endpoints', kind: 'message:discovery.v1.Endpoint', repeated: true },
    { no: 3, json: 'ports', kind: 'message:discovery.v1.EndpointPort', repeated: true },
    { no: 4, json: 'addressType', kind: 'string', keepZero: true },
  ],
  'discovery.v1.ForNode': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
  ],
  'discovery.v1.ForZone': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
  ],
};
