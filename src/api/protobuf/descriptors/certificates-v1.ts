import type { MessageTable } from './types.ts';

/** Protobuf descriptors of certificates/v1 messages: field numbers as k8s.io/api certificates/v1 generated.proto, JSON names and zero rules as the Go types. */
export const certificatesV1Messages: MessageTable = {
  'certificates.v1.CertificateSigningRequest': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:certificates.v1.CertificateSigningRequestSpec' },
    { no: 3, json: 'status', kind: 'message:certificates.v1.CertificateSigningRequestStatus' },
  ],
  'certificates.v1.CertificateSigningRequestCondition': [
    { no: 1, json: 'type', kind: 'string', keepZero: true },
    { no: 2, json: 'reason', kind: 'string' },
    { no: 3, json: 'message', kind: 'string' },
    { no: 4, json: 'lastUpdateTime', kind: 'message:meta.v1.Time' },
    { no: 5, json: 'lastTransitionTime', kind: 'message:meta.v1.Time' },
    { no: 6, json: 'status', kind: 'string', keepZero: true },
  ],
  'certificates.v1.CertificateSigningRequestSpec': [
    { no: 1, json: 'request', kind: 'bytes', keepZero: true },
    { no: 2, json: 'username', kind: 'string' },
    { no: 3, json: 'uid', kind: 'string' },
    { no: 4, json: 'groups', kind: 'string', repeated: true },
    { no: 5, json: 'usages', kind: 'string', repeated: true },
    { no: 6, json: 'extra', kind: 'map:string:message:certificates.v1.ExtraValue' },
    { no: 7, json: 'signerName', kind: 'string', keepZero: true },
    { no: 8, json: 'expirationSeconds', kind: 'int32', keepZero: true },
  ],
  'certificates.v1.CertificateSigningRequestStatus': [
    { no: 1, json: 'conditions', kind: 'message:certificates.v1.CertificateSigningRequestCondition', repeated: true },
    { no: 2, json: 'certificate', kind: 'bytes' },
  ],
};
