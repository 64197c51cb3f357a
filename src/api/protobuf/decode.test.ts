import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import { decodeKubernetesProtobuf } from './decode.ts';
import { bytesField as ld, concat, envelope, varintField as vi } from './testing/wire-writer.ts';

const none = new Uint8Array(0);
/** ObjectMeta as Go writes it for `{name}`: every non-pointer scalar is on the wire, even when zero. */
const meta = (name: string, ...more: Uint8Array[]) =>
  ld(1, ld(1, name), ld(2, ''), ld(3, ''), ld(4, ''), ld(5, ''), ld(6, ''), vi(7, 0), ld(8, none), ...more);

interface DecodeCase {
  name: string;
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  expected: Record<string, unknown>;
}

const decodes: DecodeCase[] = [
  {
    name: 'drops zero scalars of non-pointer fields and an empty creationTimestamp, as Go JSON omits them',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    raw: concat(meta('x'), ld(2, ld(1, 'a'), ld(2, 'b'))),
    expected: { metadata: { name: 'x' }, data: { a: 'b' } },
  },
  {
    name: 'renders bytes map values in base64, as Secret.data travels in JSON',
    apiVersion: 'v1',
    kind: 'Secret',
    raw: concat(meta('s'), ld(2, ld(1, 'k'), ld(2, new Uint8Array([0xff, 0x00, 0x76])))),
    expected: { metadata: { name: 's' }, data: { k: '/wB2' } },
  },
  {
    name: 'keeps a zero in a pointer field: replicas 0 is not an absent replicas',
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    raw: concat(meta('d'), ld(2, vi(1, 0), ld(4, ld(1, ''))), ld(3, none)),
    expected: { metadata: { name: 'd' }, spec: { replicas: 0, strategy: {} }, status: {} },
  },
  {
    name: 'renders IntOrString as a number or a string by its type',
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    raw: concat(meta('d'), ld(2, ld(4, ld(2, ld(1, vi(1, 1), vi(2, 0), ld(3, '25%')), ld(2, vi(1, 0), vi(2, 2), ld(3, '')))))),
    expected: { metadata: { name: 'd' }, spec: { strategy: { rollingUpdate: { maxUnavailable: '25%', maxSurge: 2 } } } },
  },
  {
    name: 'renders a Time as RFC 3339 seconds and drops its nanoseconds, as apimachinery does',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    raw: meta('x', ld(9, vi(1, 1704164645), vi(2, 500))),
    expected: { metadata: { name: 'x', deletionTimestamp: '2024-01-02T03:04:05Z' } },
  },
  {
    name: 'renders a MicroTime with six fractional digits',
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    raw: concat(meta('l'), ld(2, ld(1, 'node-a'), vi(2, 40), ld(4, vi(1, 1704164645), vi(2, 123456789)))),
    expected: {
      metadata: { name: 'l' },
      spec: { holderIdentity: 'node-a', leaseDurationSeconds: 40, renewTime: '2024-01-02T03:04:05.123456Z' },
    },
  },
  {
    name: 'merges an inline volume source into the volume and keeps a pointer runAsUser of 0',
    apiVersion: 'v1',
    kind: 'Pod',
    raw: concat(
      meta('p'),
      ld(2, ld(1, ld(1, 'cfg'), ld(2, ld(19, ld(1, ld(1, 'settings')), vi(3, 420)))), ld(14, vi(2, 0), vi(4, 1), vi(4, 2))),
    ),
    expected: {
      metadata: { name: 'p' },
      spec: {
        volumes: [{ name: 'cfg', configMap: { name: 'settings', defaultMode: 420 } }],
        securityContext: { runAsUser: 0, supplementalGroups: [1, 2] },
      },
    },
  },
  {
    name: 'accepts packed repeated integers and ten-byte negative varints',
    apiVersion: 'v1',
    kind: 'Pod',
    raw: concat(meta('p'), ld(2, ld(14, ld(4, new Uint8Array([3, 4])), vi(2, -1)))),
    expected: { metadata: { name: 'p' }, spec: { securityContext: { supplementalGroups: [3, 4], runAsUser: -1 } } },
  },
  {
    name: 'renders ExtraValue map values as plain string arrays',
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    raw: concat(ld(1, none), ld(2, ld(3, 'alice'), ld(5, ld(1, 'scopes'), ld(2, ld(1, 'a'), ld(1, 'b'))))),
    expected: { metadata: {}, spec: { user: 'alice', extra: { scopes: ['a', 'b'] } } },
  },
  {
    name: 'renders managedFields fieldsV1 as the JSON object it carries',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    raw: meta('x', ld(17, ld(1, 'kubectl'), ld(2, 'Update'), ld(6, 'FieldsV1'), ld(7, ld(1, '{"f:data":{}}')))),
    expected: {
      metadata: { name: 'x', managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }] },
    },
  },
  {
    name: 'decodes DeleteOptions under any group version, as apimachinery registers it in each',
    apiVersion: 'apps/v1',
    kind: 'DeleteOptions',
    raw: concat(vi(1, 0), ld(4, 'Foreground')),
    expected: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground' },
  },
];

describe('decodeKubernetesProtobuf', () => {
  it.each(decodes)('$name', ({ apiVersion, kind, raw, expected }) => {
    const decoded = decodeKubernetesProtobuf(envelope({ apiVersion, kind, raw }));
    expect(decoded.apiVersion).toBe(apiVersion);
    expect(decoded.kind).toBe(kind);
    expect(decoded.object).toEqual({ apiVersion, kind, ...expected });
  });

  it('decodes a JSON object carried in the envelope with content type application/json', () => {
    const raw = new TextEncoder().encode('{"metadata":{"name":"j"}}');
    const decoded = decodeKubernetesProtobuf(envelope({ apiVersion: 'v1', kind: 'ConfigMap', raw, contentType: 'application/json' }));
    expect(decoded.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' } });
  });

  interface RejectCase {
    name: string;
    body: Uint8Array;
    code: number;
    message: RegExp;
  }
  const rejects: RejectCase[] = [
    { name: 'rejects an empty body with 400', body: none, code: 400, message: /empty/ },
    {
      name: 'rejects a body without the k8s magic with 400, in apimachinery words',
      body: new TextEncoder().encode('{"kind":"ConfigMap"}'),
      code: 400,
      message: /does not appear to be a protobuf message, expected prefix \[107 56 115 0\]/,
    },
    {
      name: 'rejects a truncated message with 400',
      body: envelope({ apiVersion: 'v1', kind: 'ConfigMap', raw: meta('x') }).subarray(0, 30),
      code: 400,
      message: /unable to decode/,
    },
    {
      name: 'rejects a field whose wire type contradicts its descriptor with 400',
      body: envelope({ apiVersion: 'v1', kind: 'ConfigMap', raw: vi(1, 7) }),
      code: 400,
      message: /wire type/,
    },
    {
      name: 'rejects a kind without a descriptor with 415 naming it',
      body: envelope({ apiVersion: 'example.com/v1', kind: 'Widget', raw: none }),
      code: 415,
      message: /kind Widget in example.com\/v1/,
    },
    {
      name: 'rejects an unknown field number with 415 naming the field and where it sits',
      body: envelope({ apiVersion: 'v1', kind: 'ConfigMap', raw: meta('x', ld(99, 'new')) }),
      code: 415,
      message: /field number 99 of meta\.v1\.ObjectMeta \(at metadata\)/,
    },
    {
      name: 'rejects a compressed envelope with 415',
      body: envelope({ apiVersion: 'v1', kind: 'ConfigMap', raw: none, contentEncoding: 'gzip' }),
      code: 415,
      message: /content encoding "gzip"/,
    },
    {
      name: 'rejects an envelope that names no kind with 400',
      body: envelope({ apiVersion: 'v1', kind: '', raw: none }),
      code: 400,
      message: /does not name the kind/,
    },
  ];
  it.each(rejects)('$name', ({ body, code, message }) => {
    let thrown: unknown;
    try {
      decodeKubernetesProtobuf(body);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(StatusError);
    expect((thrown as StatusError).code).toBe(code);
    expect((thrown as StatusError).message).toMatch(message);
  });
});
