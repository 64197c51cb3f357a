import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { customResourcePrinter } from './custom-resource-printer.ts';
import { evaluateJsonPath } from './json-path.ts';

const now = new Date('2024-05-01T12:00:00Z');
const widget: KubeObject = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w1', creationTimestamp: '2024-05-01T11:00:00Z' },
  spec: { replicas: 3, ratio: 0.25, big: 1234567.5, paused: false, tags: { b: 2, a: 1 }, list: ['x', 'y'] },
  status: { conditions: [{ type: 'Synced', status: 'False' }, { type: 'Ready', status: 'True', lastTransitionTime: '2024-05-01T11:58:00Z' }] },
};

describe('evaluateJsonPath()', () => {
  const cases: Array<[string, unknown[]]> = [
    ['.spec.replicas', [3]],
    ['{.spec.replicas}', [3]],
    ['.spec.missing', []],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    [".status.conditions[?(@.type=='Synced')].status", ['False']],
    ['.status.conditions[*].type', ['Synced', 'Ready']],
    ['.status.conditions[-1].type', ['Ready']],
    ['.spec.list[0]', ['x']],
    ["['metadata']['name']", ['w1']],
    ['..type', ['Synced', 'Ready']],
  ];
  for (const [path, expected] of cases) {
    it(`reads ${path}`, () => expect(evaluateJsonPath(path, widget)).toEqual(expected));
  }
});

describe('customResourcePrinter()', () => {
  it('adds an AGE date column when the CRD declares none', () => {
    const printer = customResourcePrinter([]);
    expect(printer.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Age', 'date'],
    ]);
    expect(printer.cells(widget, now)).toEqual(['w1', '60m']);
  });

  it('prints each declared column typed as declared', () => {
    const printer = customResourcePrinter([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: 'Whether it is ready', priority: 1 },
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
      { name: 'Since', type: 'date', jsonPath: '.status.conditions[?(@.type=="Ready")].lastTransitionTime' },
      { name: 'Tags', type: 'string', jsonPath: '.spec.tags' },
      { name: 'Big', type: 'string', jsonPath: '.spec.big' },
      { name: 'Missing', type: 'string', jsonPath: '.spec.nothing' },
      { name: 'Wrong', type: 'integer', jsonPath: '.metadata.name' },
    ]);
    expect(printer.columns[1]).toEqual({ name: 'Replicas', type: 'integer', description: 'Custom resource definition column (in JSONPath format): .spec.replicas', priority: 0 });
    expect(printer.columns[2]).toEqual({ name: 'Ready', type: 'string', description: 'Whether it is ready', priority: 1 });
    expect(printer.cells(widget, now)).toEqual(['w1', 3, 'True', 0.25, false, '2m', '{"a":1,"b":2}', '1.2345675e+06', null, null]);
  });
});
