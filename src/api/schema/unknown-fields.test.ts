import { describe, expect, it } from 'vitest';
import { builtinSchemaLookup, schemaNodeFromOpenApi } from './builtin-schemas.ts';
import { findDuplicateFields, findUnknownFields } from './unknown-fields.ts';

const deployment = builtinSchemaLookup('apps', 'v1', 'Deployment')!;
const widget = schemaNodeFromOpenApi({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: { size: { type: 'integer' }, extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
    },
  },
});

function deploymentWith(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec };
}

describe('findUnknownFields()', () => {
  it.each([
    ['accepts a well-formed Deployment', deploymentWith({ replicas: 2, selector: { matchLabels: { a: 'b' } } }), []],
    ['reports an unknown spec field', deploymentWith({ replicas: 1, foo: 1 }), ['spec.foo']],
    [
      'names list elements by index',
      deploymentWith({ template: { spec: { containers: [{ name: 'a' }, { name: 'b', imagePullPolicyx: 'Always' }] } } }),
      ['spec.template.spec.containers[1].imagePullPolicyx'],
    ],
    ['reports unknown metadata fields', deploymentWith({}, { name: 'web', labelz: {} }), ['metadata.labelz']],
    ['reports an unknown root field', { ...deploymentWith({}), extra: true }, ['extra']],
    ['does not look into map values of strings', deploymentWith({}, { labels: { anything: 'x' } }), []],
    ['does not look into int-or-string values', deploymentWith({ strategy: { rollingUpdate: { maxSurge: '25%' } } }), []],
    ['lists fields in document order', deploymentWith({ b: 1, replicas: 1, a: 2 }), ['spec.b', 'spec.a']],
  ])('%s', (_name, obj, expected) => {
    expect(findUnknownFields(deployment, obj)).toEqual(expected);
  });

  it.each([
    ['accepts preserved unknown fields of a custom resource', { spec: { extra: { any: { thing: 1 } } } }, []],
    ['reports unknown fields of a custom resource', { spec: { size: 1, colour: 'red' } }, ['spec.colour']],
    ['reports unknown metadata fields of a custom resource', { metadata: { nam: 'x' } }, ['metadata.nam']],
  ])('%s', (_name, obj, expected) => {
    expect(findUnknownFields(widget, { apiVersion: 'example.com/v1', kind: 'Widget', ...obj })).toEqual(expected);
  });
});

describe('findDuplicateFields()', () => {
  it.each([
    ['finds nothing in a clean object', '{"a":1,"b":{"c":[1,2]}}', []],
    ['finds a duplicate at the root', '{"kind":"Pod","kind":"Pod"}', ['kind']],
    ['names nested duplicates by path', '{"spec":{"replicas":1,"paused":true,"replicas":2}}', ['spec.replicas']],
    ['names duplicates inside list elements', '{"spec":{"containers":[{"name":"a","name":"b"}]}}', ['spec.containers[0].name']],
    ['reads escaped keys', '{"a\\"b":1,"a\\"b":2}', ['a"b']],
    ['gives nothing for invalid JSON', '{"a":', []],
  ])('%s', (_name, text, expected) => {
    expect(findDuplicateFields(text)).toEqual(expected);
  });
});
