import type { MessageTable } from './types.ts';

/** Protobuf descriptors of core/v1 Node, its spec (taints) and status: field numbers as k8s.io/api core/v1 generated.proto, JSON names and zero rules as the Go types. */
export const coreNodesMessages: MessageTable = {
  'core.v1.AttachedVolume': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'devicePath', kind: 'string', keepZero: true },
  ],
  'core.v1.ConfigMapNodeConfigSource': [
    { no: 1, json: 'namespace', kind: 'string', keepZero: true },
    { no: 2, json: 'name', kind: 'string', keepZero: true },
    { no: 3, json: 'uid', kind: 'string' },
    { no: 4, json: 'resourceVersion', kind: 'string' },
    { no: 5, json: 'kubeletConfigKey', kind: 'string', keepZero: true },
  ],
  'core.v1.ContainerImage': [
    { no: 1, json: 'names', kind: 'string', repeated: true },
    { no: 2, json: 'sizeBytes', kind: 'int64' },
  ],
  'core.v1.DaemonEndpoint': [
    { no: 1, json: 'Port', kind: 'int32', keepZero: true },
  ],
  'core.v1.Node': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:core.v1.NodeSpec' },
    { no: 3, json: 'status', kind: 'message:core.v1.NodeStatus' },
  ],
  'core.v1.NodeAddress': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'address', kind: 'string', keepZero: true },
  ],
  'core.v1.NodeCondition': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'status', kind: 'string', keepZero: true },
    { no: 3, json: 'lastHeartbeatTime', kind: 'message:meta.v1.Time' },
    { no: 4, json: 'lastTransitionTime', kind: 'message:meta.v1.Time' },
    { no: 5, json: 'reason', kind: 'string' },
    { no: 6, json: 'message', kind: 'string' },
  ],
  'core.v1.NodeConfigSource': [
    { no: 2, json: 'configMap', kind: 'message:core.v1.ConfigMapNodeConfigSource' },
  ],
  'core.v1.NodeConfigStatus': [
    { no: 1, json: 'assigned', kind: 'message:core.v1.NodeConfigSource' },
    { no: 2, json: 'active', kind: 'message:core.v1.NodeConfigSource' },
    { no: 3, json: 'lastKnownGood', kind: 'message:core.v1.NodeConfigSource' },
    { no: 4, json: 'error', kind: 'string' },
  ],
  'core.v1.NodeDaemonEndpoints': [
    { no: 1, json: 'kubeletEndpoint', kind: 'message:core.v1.DaemonEndpoint' },
  ],
  'core.v1.NodeFeatures': [
    { no: 1, json: 'supplementalGroupsPolicy', kind: 'bool', keepZero: true },
  ],
  'core.v1.NodePodPreemptionPolicy': [
    { no: 1, json: 'disableResizePreemption', kind: 'string', repeated: true },
  ],
  'core.v1.NodeRuntimeHandler': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'features', kind: 'message:core.v1.NodeRuntimeHandlerFeatures' },
  ],
  'core.v1.NodeRuntimeHandlerFeatures': [
    { no: 1, json: 'recursiveReadOnlyMounts', kind: 'bool', keepZero: true },
    { no: 2, json: 'userNamespaces', kind: 'bool', keepZero: true },
  ],
  'core.v1.NodeSpec': [
    { no: 1, json: 'podCIDR', kind: 'string' },
    { no: 2, json: 'externalID', kind: 'string' },
    { no: 3, json: 'providerID', kind: 'string' },
    { no: 4, json: 'unschedulable', kind: 'bool' },
    { no: 5, json: 'taints', kind: 'message:core.v1.Taint', repeated: true },
    { no: 6, json: 'configSource', kind: 'message:core.v1.NodeConfigSource' },
    { no: 7, json: 'podCIDRs', kind: 'string', repeated: true },
    { no: 8, json: 'podPreemptionPolicy', kind: 'message:core.v1.NodePodPreemptionPolicy' },
  ],
  'core.v1.NodeStatus': [
    { no: 1, json: 'capacity', kind: 'map:string:message:resource.Quantity' },
    { no: 2, json: 'allocatable', kind: 'map:string:message:resource.Quantity' },
    { no: 3, json: 'phase', kind: 'string' },
    { no: 4, json: 'conditions', kind: 'message:core.v1.NodeCondition', repeated: true },
    { no: 5, json: 'addresses', kind: 'message:core.v1.NodeAddress', repeated: true },
    { no: 6, json: 'daemonEndpoints', kind: 'message:core.v1.NodeDaemonEndpoints' },
    { no: 7, json: 'nodeInfo', kind: 'message:core.v1.NodeSystemInfo' },
    { no: 8, json: 'images', kind: 'message:core.v1.ContainerImage', repeated: true },
    { no: 9, json: 'volumesInUse', kind: 'string', repeated: true },
    { no: 10, json: 'volumesAttached', kind: 'message:core.v1.AttachedVolume', repeated: true },
    { no: 11, json: 'config', kind: 'message:core.v1.NodeConfigStatus' },
    { no: 12, json: 'runtimeHandlers', kind: 'message:core.v1.NodeRuntimeHandler', repeated: true },
    { no: 13, json: 'features', kind: 'message:core.v1.NodeFeatures' },
    { no: 14, json: 'declaredFeatures', kind: 'string', repeated: true },
  ],
  'core.v1.NodeSwapStatus': [
    { no: 1, json: 'capacity', kind: 'int64', keepZero: true },
  ],
  'core.v1.NodeSystemInfo': [
    { no: 1, json: 'machineID', kind: 'string', keepZero: true },
    { no: 2, json: 'systemUUID', kind: 'string', keepZero: true },
    { no: 3, json: 'bootID', kind: 'string', keepZero: true },
    { no: 4, json: 'kernelVersion', kind: 'string', keepZero: true },
    { no: 5, json: 'osImage', kind: 'string', keepZero: true },
    { no: 6, json: 'containerRuntimeVersion', kind: 'string', keepZero: true },
    { no: 7, json: 'kubeletVersion', kind: 'string', keepZero: true },
    { no: 8, json: 'kubeProxyVersion', kind: 'string', keepZero: true },
    { no: 9, json: 'operatingSystem', kind: 'string', keepZero: true },
    { no: 10, json: 'architecture', kind: 'string', keepZero: true },
    { no: 11, json: 'swap', kind: 'message:core.v1.NodeSwapStatus' },
  ],
  'core.v1.Taint': [
    { no: 1, json: 'key', kind: 'string', keepZero: true },
    { no: 2, json: 'value', kind: 'string' },
    { no: 3, json: 'effect', kind: 'string', keepZero: true },
    { no: 4, json: 'timeAdded', kind: 'message:meta.v1.Time' },
  ],
};
