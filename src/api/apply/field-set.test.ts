import { describe, expect, it } from 'vitest';
import { FieldSet, FieldsV1Error } from './field-set.ts';
import { fieldSetOf } from './object-field-set.ts';
import { deploymentSchema } from './test-schema.ts';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: {} }] },
    },
  },
};

describe('fieldSetOf', () => {
  const cases: Array<{ name: string; value: unknown; schema: typeof deploymentSchema | undefined; want: Record<string, unknown> }> = [
    {
      name: 'keys map-list items by their key fields, defaults protocol, and owns items and empty maps as members',
      value: deployment,
      schema: deploymentSchema,
      want: {
        'f:apiVersion': {},
        'f:kind': {},
        'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {} },
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:template': {
            'f:metadata': { 'f:labels': { 'f:app': {} } },
            'f:spec': {
              'f:containers': {
                'k:{"name":"nginx"}': {
                  '.': {},
                  'f:image': {},
                  'f:name': {},
                  'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  'f:resources': {},
                },
              },
            },
          },
        },
      },
    },
    {
      name: 'treats every map entry as a member and every list as atomic without a schema',
      value: { spec: { list: [1, 2], nested: { a: 'b' } } },
      schema: undefined,
      want: { 'f:spec': { '.': {}, 'f:list': {}, 'f:nested': { '.': {}, 'f:a': {} } } },
    },
    {
      name: 'spells set items by value, sorted, without owning the list itself',
      value: { metadata: { finalizers: ['b', 'a'] } },
      schema: deploymentSchema,
      want: { 'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(fieldSetOf(c.value, c.schema).toFieldsV1()).toEqual(c.want);
      expect(JSON.stringify(fieldSetOf(c.value, c.schema).toFieldsV1())).toBe(JSON.stringify(c.want));
    });
  }

  it('rejects an applied list item that omits its key when duplicates are not allowed', () => {
    const bad = { spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    expect(() => fieldSetOf(bad, deploymentSchema)).toThrow(/spec\.template\.spec\.containers: element 0: .*omits key field "name"/);
  });

  it('rejects duplicate keys in an applied configuration', () => {
    const dup = { spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } } };
    expect(() => fieldSetOf(dup, deploymentSchema, { allowDuplicates: false })).toThrow(/duplicate entries for key \[name="a"\]/);
  });
});

describe('FieldSet', () => {
  const a = FieldSet.of(['f:spec', 'f:replicas'], ['f:metadata', 'f:labels', 'f:app']);
  const b = FieldSet.of(['f:spec', 'f:replicas'], ['f:spec', 'f:paused']);

  const cases: Array<{ name: string; got: () => FieldSet; want: string }> = [
    { name: 'union keeps the paths of both sets', got: () => a.union(b), want: '.metadata.labels.app\n.spec.paused\n.spec.replicas' },
    { name: 'intersection keeps shared paths only', got: () => a.intersection(b), want: '.spec.replicas' },
    { name: 'difference removes exact paths and drops emptied children', got: () => a.difference(b), want: '.metadata.labels.app' },
    {
      name: 'withoutPrefixes drops whole subtrees',
      got: () => a.union(b).withoutPrefixes(FieldSet.of(['f:spec'])),
      want: '.metadata.labels.app',
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.got().toString()).toBe(c.want));

  it('round-trips FieldsV1 with "." markers and canonicalises keys', () => {
    const wire = { 'f:spec': { 'f:ports': { '.': {}, 'k:{"protocol":"TCP","port":80}': { '.': {}, 'f:port': {} } } } };
    const set = FieldSet.fromFieldsV1(wire);
    expect(set.has(['f:spec', 'f:ports'])).toBe(true);
    expect(set.has(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}'])).toBe(true);
    expect(set.toFieldsV1()).toEqual({
      'f:spec': { 'f:ports': { '.': {}, 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } },
    });
  });

  it('orders fields before keys before values when serialising', () => {
    const set = FieldSet.of(['v:"x"'], ['k:{"a":1}'], ['f:z'], ['i:0']);
    expect(Object.keys(set.toFieldsV1())).toEqual(['f:z', 'k:{"a":1}', 'v:"x"', 'i:0']);
  });

  it('refuses FieldsV1 with an unknown element prefix', () => {
    expect(() => FieldSet.fromFieldsV1({ 'x:y': {} })).toThrow(FieldsV1Error);
  });
});
