import type { MessageTable } from './types.ts';

/** Protobuf descriptors of rbac/v1 messages: field numbers as k8s.io/api rbac/v1 generated.proto, JSON names and zero rules as the Go types. */
export const rbacV1Messages: MessageTable = {
  'rbac.v1.AggregationRule': [
    { no: 1, json: 'clusterRoleSelectors', kind: 'message:meta.v1.LabelSelector', repeated: true },
  ],
  'rbac.v1.ClusterRole': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'rules', kind: 'message:rbac.v1.PolicyRule', repeated: true },
    { no: 3, json: 'aggregationRule', kind: 'message:rbac.v1.AggregationRule' },
  ],
  'rbac.v1.ClusterRoleBinding': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'subjects', kind: 'message:rbac.v1.Subject', repeated: true },
    { no: 3, json: 'roleRef', kind: 'message:rbac.v1.RoleRef' },
  ],
  'rbac.v1.PolicyRule': [
    { no: 1, json: 'verbs', kind: 'string', repeated: true },
    { no: 2, json: 'apiGroups', kind: 'string', repeated: true },
    { no: 3, json: 'resources', kind: 'string', repeated: true },
    { no: 4, json: 'resourceNames', kind: 'string', repeated: true },
    { no: 5, json: 'nonResourceURLs', kind: 'string', repeated: true },
  ],
  'rbac.v1.Role': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'rules', kind: 'message:rbac.v1.PolicyRule', repeated: true },
  ],
  'rbac.v1.RoleBinding': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'subjects', kind: 'message:rbac.v1.Subject', repeated: true },
    { no: 3, json: 'roleRef', kind: 'message:rbac.v1.RoleRef' },
  ],
  'rbac.v1.RoleRef': [
    { no: 1, json: 'apiGroup', kind: 'string', keepZero: true },
    { no: 2, json: 'kind', kind: 'string', keepZero: true },
    { no: 3, json: 'name', kind: 'string', keepZero: true },
  ],
  'rbac.v1.Subject': [
    { no: 1, json: 'kind', kind: 'string', keepZero: true },
    { no: 2, json: 'apiGroup', kind: 'string' },
    { no: 3, json: 'name', kind: 'string', keepZero: true },
    { no: 4, json: 'namespace', kind: 'string' },
  ],
};
