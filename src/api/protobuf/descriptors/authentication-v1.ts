import type { MessageTable } from './types.ts';

/** Protobuf descriptors of authentication/v1 messages: field numbers as k8s.io/api authentication/v1 generated.proto, JSON names and zero rules as the Go types. */
export const authenticationV1Messages: MessageTable = {
  'authentication.v1.BoundObjectReference': [
    { no: 1, json: 'kind', kind: 'string' },
    { no: 2, json: 'apiVersion', kind: 'string' },
    { no: 3, json: 'name', kind: 'string' },
    { no: 4, json: 'uid', kind: 'string' },
  ],
  'authentication.v1.SelfSubjectReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'status', kind: 'message:authentication.v1.SelfSubjectReviewStatus' },
  ],
  'authentication.v1.SelfSubjectReviewStatus': [
    { no: 1, json: 'userInfo', kind: 'message:authentication.v1.UserInfo' },
  ],
  'authentication.v1.TokenRequest': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authentication.v1.TokenRequestSpec' },
    { no: 3, json: 'status', kind: 'message:authentication.v1.TokenRequestStatus' },
  ],
  'authentication.v1.TokenRequestSpec': [
    { no: 1, json: 'audiences', kind: 'string', repeated: true },
    { no: 3, json: 'boundObjectRef', kind: 'message:authentication.v1.BoundObjectReference' },
    { no: 4, json: 'expirationSeconds', kind: 'int64', keepZero: true },
    { no: 5, json: 'attestations', kind: 'map:string:message:authentication.v1.AttestationValue' },
  ],
  'authentication.v1.TokenRequestStatus': [
    { no: 1, json: 'token', kind: 'string', keepZero: true },
    { no: 2, json: 'expirationTimestamp', kind: 'message:meta.v1.Time' },
  ],
  'authentication.v1.TokenReview': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:authentication.v1.TokenReviewSpec' },
    { no: 3, json: 'status', kind: 'message:authentication.v1.TokenReviewStatus' },
  ],
  'authentication.v1.TokenReviewSpec': [
    { no: 1, json: 'token', kind: 'string' },
    { no: 2, json: 'audiences', kind: 'string', repeated: true },
  ],
  'authentication.v1.TokenReviewStatus': [
    { no: 1, json: 'authenticated', kind: 'bool' },
    { no: 2, json: 'user', kind: 'message:authentication.v1.UserInfo' },
    { no: 3, json: 'error', kind: 'string' },
    { no: 4, json: 'audiences', kind: 'string', repeated: true },
  ],
  'authentication.v1.UserInfo': [
    { no: 1, json: 'username', kind: 'string' },
    { no: 2, json: 'uid', kind: 'string' },
    { no: 3, json: 'groups', kind: 'string', repeated: true },
    { no: 4, json: 'extra', kind: 'map:string:message:authentication.v1.ExtraValue' },
  ],
};
