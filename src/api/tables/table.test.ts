import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { defaultPrinter } from './default-printer.ts';
import { podPrinter } from './pods.ts';
import { toTable } from './table.ts';

const now = new Date('2024-05-01T12:00:00Z');
const role: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'reader', namespace: 'default', resourceVersion: '7', creationTimestamp: '2024-05-01T11:00:00.123Z', labels: { a: 'b' } },
  rules: [],
};

describe('toTable()', () => {
  it('builds a meta.k8s.io/v1 Table with PartialObjectMetadata rows by default', () => {
    const table = toTable({ printer: defaultPrinter, items: [role], now, resourceVersion: '42' });
    expect(table).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '42' },
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', description: expect.stringContaining('Name must be unique within a namespace'), priority: 0 },
        { name: 'Created At', type: 'date', format: '', description: expect.stringContaining('CreationTimestamp is a timestamp'), priority: 0 },
      ],
      rows: [
        {
          cells: ['reader', '2024-05-01T11:00:00Z'],
          object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: role.metadata },
        },
      ],
    });
  });

  it('embeds the whole object with includeObject=Object and nothing with None', () => {
    expect(toTable({ printer: defaultPrinter, items: [role], now, includeObject: 'Object' }).rows[0].object).toBe(role);
    expect(toTable({ printer: defaultPrinter, items: [role], now, includeObject: 'None' }).rows[0].object).toBeNull();
  });

  it('rejects an unknown includeObject value as a bad request', () => {
    expect(() => toTable({ printer: defaultPrinter, items: [role], now, includeObject: 'All' })).toThrow('unrecognized includeObject value: "All"');
  });

  it('speaks v1beta1 when asked, down to the row objects', () => {
    const table = toTable({ printer: defaultPrinter, items: [role], now, version: 'v1beta1' });
    expect(table.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(table.rows[0].object?.apiVersion).toBe('meta.k8s.io/v1beta1');
  });

  it('carries continue and remainingItemCount of a paged list', () => {
    const table = toTable({ printer: defaultPrinter, items: [], now, resourceVersion: '9', continue: 'abc', remainingItemCount: 3 });
    expect(table.metadata).toEqual({ resourceVersion: '9', continue: 'abc', remainingItemCount: 3 });
    expect(table.rows).toEqual([]);
  });

  it('omits column definitions when asked for no headers', () => {
    expect(toTable({ printer: defaultPrinter, items: [role], now, noHeaders: true }).columnDefinitions).toBeNull();
  });

  it('marks finished pods with a Completed row condition', () => {
    const pod: KubeObject = { metadata: { name: 'p', creationTimestamp: '2024-05-01T11:00:00Z' }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Succeeded' } };
    expect(toTable({ printer: podPrinter, items: [pod], now }).rows[0].conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });
});
