import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import { applyJsonPatch } from './json-patch.ts';
import type { JsonObject } from './json-value.ts';

const deployment = (): JsonObject => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } } },
});

const applies: { name: string; patch: unknown; want: JsonObject }[] = [
  {
    name: 'replaces a field',
    patch: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    want: { ...deployment(), spec: { ...(deployment().spec as JsonObject), replicas: 3 } },
  },
  {
    name: 'adds a label whose key needs ~1 escaping',
    patch: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' }],
    want: { ...deployment(), metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'web' } } },
  },
  {
    name: 'removes a label',
    patch: [{ op: 'remove', path: '/metadata/labels/app' }],
    want: { ...deployment(), metadata: { name: 'web', labels: {} } },
  },
  {
    name: 'appends to a list with the - index after a passing test',
    patch: [
      { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'app' },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'log', image: 'busybox' } },
    ],
    want: {
      ...deployment(),
      spec: {
        replicas: 1,
        template: { spec: { containers: [{ name: 'app', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } },
      },
    },
  },
  {
    name: 'moves and copies values',
    patch: [
      { op: 'copy', from: '/metadata/name', path: '/metadata/labels/copied' },
      { op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/moved' },
    ],
    want: { ...deployment(), metadata: { name: 'web', labels: { copied: 'web', moved: 'web' } } },
  },
  { name: 'treats an empty list as no change', patch: [], want: deployment() },
  { name: 'treats a null body as no change, as upstream decodes it to an empty patch', patch: null, want: deployment() },
];

const GENERIC_422 = 'the server rejected our request due to an error in our request';

const failures: { name: string; patch: unknown; code: number; reason: string; message: string }[] = [
  {
    name: 'rejects a body that is an object, not a list, with 400',
    patch: { op: 'add', path: '/a', value: 1 },
    code: 400,
    reason: 'BadRequest',
    message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
  },
  {
    name: 'rejects an operation that is not an object with 400',
    patch: ['add'],
    code: 400,
    reason: 'BadRequest',
    message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation',
  },
  { name: 'answers a failing test operation with 422', patch: [{ op: 'test', path: '/spec/replicas', value: 5 }], code: 422, reason: 'Invalid', message: GENERIC_422 },
  { name: 'answers removing a path that does not exist with 422', patch: [{ op: 'remove', path: '/spec/paused' }], code: 422, reason: 'Invalid', message: GENERIC_422 },
  { name: 'answers replacing a path that does not exist with 422', patch: [{ op: 'replace', path: '/status/x', value: 1 }], code: 422, reason: 'Invalid', message: GENERIC_422 },
  { name: 'answers adding under a missing parent with 422', patch: [{ op: 'add', path: '/status/a/b', value: 1 }], code: 422, reason: 'Invalid', message: GENERIC_422 },
  { name: 'answers an unknown op with 422, as upstream checks ops when applying', patch: [{ op: 'frobnicate', path: '/a' }], code: 422, reason: 'Invalid', message: GENERIC_422 },
  { name: 'answers a null operation with 422', patch: [null], code: 422, reason: 'Invalid', message: GENERIC_422 },
  {
    name: 'answers a patch that turns the object into a list with 422 on the patch field',
    patch: [{ op: 'replace', path: '', value: [1] }],
    code: 422,
    reason: 'Invalid',
    message: ' "" is invalid: patch: Invalid value: "[1]": json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
];

describe('applyJsonPatch', () => {
  for (const c of applies) {
    it(c.name, () => {
      expect(applyJsonPatch(deployment(), c.patch)).toStrictEqual(c.want);
    });
  }

  for (const c of failures) {
    it(c.name, () => {
      let caught: unknown;
      try {
        applyJsonPatch(deployment(), c.patch);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StatusError);
      const status = caught as StatusError;
      expect({ code: status.code, reason: status.reason, message: status.message }).toStrictEqual({
        code: c.code,
        reason: c.reason,
        message: c.message,
      });
    });
  }

  it('answers 422 with empty details, as NewGenericServerResponse builds it', () => {
    try {
      applyJsonPatch(deployment(), [{ op: 'test', path: '/spec/replicas', value: 5 }]);
      expect.unreachable();
    } catch (error) {
      expect((error as StatusError).toStatus()).toStrictEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: GENERIC_422,
        reason: 'Invalid',
        code: 422,
        details: {},
      });
    }
  });

  it('refuses more than 10000 operations with 413', () => {
    const patch = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec/replicas', value: 1 }));
    expect(() => applyJsonPatch(deployment(), patch)).toThrow(
      expect.objectContaining({
        code: 413,
        reason: 'RequestEntityTooLarge',
        message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      }),
    );
  });

  it('changes neither the object nor the operations, even when a later op edits an added value', () => {
    const doc = deployment();
    const value = { name: 'log' };
    const patch = [
      { op: 'add', path: '/spec/extra', value },
      { op: 'add', path: '/spec/extra/image', value: 'busybox' },
    ];
    const result = applyJsonPatch(doc, patch);
    expect(doc).toStrictEqual(deployment());
    expect(value).toStrictEqual({ name: 'log' });
    expect((result.spec as JsonObject).extra).toStrictEqual({ name: 'log', image: 'busybox' });
  });

  it('leaves the object untouched when a later operation fails', () => {
    const doc = deployment();
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 9 },
        { op: 'test', path: '/spec/replicas', value: 1 },
      ]),
    ).toThrow(StatusError);
    expect(doc).toStrictEqual(deployment());
  });
});
