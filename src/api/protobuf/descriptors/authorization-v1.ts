import type { MessageTable } from './types.ts';

/** Protobuf descriptors of authorization/v1 messages: field numbers as k8s.io/api authorization/v1 generated.proto, JSON names and zero rules as the Go types. */
export const authorizationV1Messages: MessageTable = {
  'authorization.v1.FieldSelectorAttributes': [
    { no: 1, json: 'rawSelector', kind: 'string' },
    { no: 2, json: 'requirements', kind: 'message:meta.v1.FieldSelectorRequirement', repeated: true },
  ],
  'authorization.v1.LabelSelectorAttributes': [
    { no: 1, json: 'rawSelector', kind: 'string' },
    { no: 2, json: 'requirements', kind: 'message:meta.v1.LabelSelectorRequirement', repeated: true },
  ],
  'authorization.v1.LocalSubjectAccessReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authorization.v1.SubjectAccessReviewSpec' },
    { no: 3, json: 'status', kind: 'message:authorization.v1.SubjectAccessReviewStatus' },
  ],
  'authorization.v1.NonResourceAttributes': [
    { no: 1, json: 'path', kind: 'string' },
    { no: 2, json: 'verb', kind: 'string' },
  ],
  'authorization.v1.NonResourceRule': [
    { no: 1, json: 'verbs', kind: 'string', repeated: true },
    { no: 2, json: 'nonResourceURLs', kind: 'string', repeated: true },
  ],
  'authorization.v1.ResourceAttributes': [
    { no: 1, json: 'namespace', kind: 'string' },
    { no: 2, json: 'verb', kind: 'string' },
    { no: 3, json: 'group', kind: 'string' },
    { no: 4, json: 'version', kind: 'string' },
    { no: 5, json: 'resource', kind: 'string' },
    { no: 6, json: 'subresource', kind: 'string' },
    { no: 7, json: 'name', kind: 'string' },
    { no: 8, json: 'fieldSelector', kind: 'message:authorization.v1.FieldSelectorAttributes' },
    { no: 9, json: 'labelSelector', kind: 'message:authorization.v1.LabelSelectorAttributes' },
  ],
  'authorization.v1.ResourceRule': [
    { no: 1, json: 'verbs', kind: 'string', repeated: true },
    { no: 2, json: 'apiGroups', kind: 'string', repeated: true },
    { no: 3, json: 'resources', kind: 'string', repeated: true },
    { no: 4, json: 'resourceNames', kind: 'string', repeated: true },
  ],
  'authorization.v1.SelfSubjectAccessReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authorization.v1.SelfSubjectAccessReviewSpec' },
    { no: 3, json: 'status', kind: 'message:authorization.v1.SubjectAccessReviewStatus' },
  ],
  'authorization.v1.SelfSubjectAccessReviewSpec': [
    { no: 1, json: 'resourceAttributes', kind: 'message:authorization.v1.ResourceAttributes' },
    { no: 2, json: 'nonResourceAttributes', kind: 'message:authorization.v1.NonResourceAttributes' },
  ],
  'authorization.v1.SelfSubjectRulesReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authorization.v1.SelfSubjectRulesReviewSpec' },
    { no: 3, json: 'status', kind: 'message:authorization.v1.SubjectRulesReviewStatus' },
  ],
  'authorization.v1.SelfSubjectRulesReviewSpec': [
    { no: 1, json: 'namespace', kind: 'string' },
  ],
  'authorization.v1.SubjectAccessReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authorization.v1.SubjectAccessReviewSpec' },
    { no: 3, json: 'status', kind: 'message:authorization.v1.SubjectAccessReviewStatus' },
  ],
  'authorization.v1.SubjectAccessReviewSpec': [
    { no: 1, json: 'resourceAttributes', kind: 'message:authorization.v1.ResourceAttributes' },
    { no: 2, json: 'nonResourceAttributes', kind: 'message:authorization.v1.NonResourceAttributes' },
    { no: 3, json: 'user', kind: 'string' },
    { no: 4, json: 'groups', kind: 'string', repeated: true },
    { no: 5, json: 'extra', kind: 'map:string:message:authorization.v1.ExtraValue' },
    { no: 6, json: 'uid', kind: 'string' },
  ],
  'authorization.v1.SubjectAccessReviewStatus': [
    { no: 1, json: 'allowed', kind: 'bool', keepZero: true },
    { no: 2, json: 'reason', kind: 'string' },
    { no: 3, json: 'evaluationError', kind: 'string' },
    { no: 4, json: 'denied', kind: 'bool' },
  ],
  'authorization.v1.SubjectRulesReviewStatus': [
    { no: 1, json: 'resourceRules', kind: 'message:authorization.v1.ResourceRule', repeated: true },
    { no: 2, json: 'nonResourceRules', kind: 'message:authorization.v1.NonResourceRule', repeated: true },
    { no: 3, json: 'incomplete', kind: 'bool', keepZero: true },
    { no: 4, json: 'evaluationError', kind: 'string' },
  ],
};
