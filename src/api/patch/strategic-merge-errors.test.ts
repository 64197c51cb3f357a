import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import type { SchemaNode } from '../schema/merge-meta.ts';
import type { JsonObject } from './json-value.ts';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';
import { containers, pod } from './testdata/builders.ts';
import { deploymentSchema, podSchema } from './testdata/schemas.ts';

interface ErrorCase {
  name: string;
  doc?: JsonObject;
  patch: unknown;
  schema?: SchemaNode | undefined;
  code: number;
  reason: string;
  message: string | RegExp;
}

const errorCases: ErrorCase[] = [
  {
    name: 'refuses a kind without merge metadata (a custom resource) with 415',
    patch: { spec: {} },
    schema: undefined,
    code: 415,
    reason: 'UnsupportedMediaType',
    message:
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
  },
  {
    name: 'rejects a patch that is a list with 400',
    patch: [{ op: 'add' }],
    code: 400,
    reason: 'BadRequest',
    message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'rejects a $retainKeys directive that is not a list with 400',
    patch: { spec: { strategy: { $retainKeys: 'type' } } },
    schema: deploymentSchema,
    code: 400,
    reason: 'BadRequest',
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'rejects a patch that sets a key its $retainKeys does not list with 400',
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: {} } } },
    schema: deploymentSchema,
    code: 400,
    reason: 'BadRequest',
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'rejects a $setElementOrder key without a list name with 400',
    patch: { spec: { '$setElementOrder': [] } },
    code: 400,
    reason: 'BadRequest',
    message: 'invalid patch format of setElementOrder list',
  },
  {
    name: 'rejects a $deleteFromPrimitiveList key without a list name with 400',
    patch: { metadata: { $deleteFromPrimitiveList: ['a'] } },
    code: 400,
    reason: 'BadRequest',
    message: 'invalid patch format of primitive list',
  },
  {
    name: 'answers a list of lists with the generic 422',
    doc: pod({ matrix: [['a']] }),
    patch: { spec: { matrix: [['b']] } },
    code: 422,
    reason: 'Invalid',
    message: 'the server rejected our request due to an error in our request',
  },
  {
    name: 'fails a merging list element without its merge key as upstream (500)',
    doc: pod(containers({ name: 'app', image: 'a' })),
    patch: { spec: { containers: [{ image: 'b' }] } },
    code: 500,
    reason: 'InternalError',
    message: 'map: map[image:b] does not contain declared merge key: name',
  },
  {
    name: 'fails $patch: merge on a list element as upstream (500)',
    doc: pod(containers({ name: 'app' })),
    patch: { spec: { containers: [{ name: 'app', $patch: 'merge' }] } },
    code: 500,
    reason: 'InternalError',
    message: 'merging lists cannot yet be specified in the patch',
  },
  {
    name: 'fails an unknown $patch directive on a map as upstream (500)',
    patch: { spec: { nodeSelector: { $patch: 'shuffle' } } },
    code: 500,
    reason: 'InternalError',
    message: 'unknown patch type: shuffle in map: map[$patch:shuffle]',
  },
  {
    name: 'fails a patch list whose order contradicts $setElementOrder (500)',
    doc: pod(containers({ name: '1' }, { name: '3' }, { name: '2' })),
    patch: {
      spec: { '$setElementOrder/containers': [{ name: '1' }, { name: '2' }, { name: '3' }], containers: [{ name: '3' }, { name: '1' }] },
    },
    code: 500,
    reason: 'InternalError',
    message: /doesn't match \$setElementOrder list/,
  },
  {
    name: 'fails a merging list mixing maps and scalars (500)',
    doc: pod({}, { finalizers: ['a'] }),
    patch: { metadata: { finalizers: [{ $patch: 'replace' }] } },
    code: 500,
    reason: 'InternalError',
    message: /list element types are not identical/,
  },
];

describe('applyStrategicMergePatch errors', () => {
  for (const c of errorCases) {
    it(c.name, () => {
      const schema = 'schema' in c ? c.schema : podSchema;
      let caught: unknown;
      try {
        applyStrategicMergePatch(c.doc ?? pod({}), c.patch, schema);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StatusError);
      const status = caught as StatusError;
      expect({ code: status.code, reason: status.reason }).toStrictEqual({ code: c.code, reason: c.reason });
      if (typeof c.message === 'string') expect(status.message).toBe(c.message);
      else expect(status.message).toMatch(c.message);
    });
  }
});

