import { describe, expect, it } from 'vitest';
import { apiVersionOf, preferredResources, supportingAll } from './api-resources.ts';

const core = {
  items: [
    {
      metadata: { name: '' },
      versions: [
        {
          version: 'v1',
          resources: [
            { resource: 'pods', responseKind: { kind: 'Pod' }, scope: 'Namespaced', verbs: ['list', 'watch', 'delete', 'deletecollection'] },
            { resource: 'nodes', responseKind: { kind: 'Node' }, scope: 'Cluster', verbs: ['list', 'watch', 'delete'] },
            { resource: 'bindings', responseKind: { kind: 'Binding' }, scope: 'Namespaced', verbs: ['create'] },
          ],
        },
      ],
    },
  ],
};
const groups = {
  items: [
    {
      metadata: { name: 'example.com' },
      versions: [
        { version: 'v2', resources: [{ resource: 'widgets', responseKind: { kind: 'Widget' }, scope: 'Namespaced', verbs: ['list', 'delete'] }] },
        { version: 'v1', resources: [{ resource: 'widgets', responseKind: { kind: 'Widget' }, scope: 'Namespaced', verbs: ['list'] }, { resource: 'gadgets', scope: 'Cluster', verbs: [] }] },
      ],
    },
  ],
};

describe('preferredResources', () => {
  it('takes each resource from the first version that serves it', () => {
    const found = preferredResources([core, groups]);
    expect(found.map((r) => `${apiVersionOf(r.type)} ${r.type.resource} ${r.type.namespaced ? 'ns' : 'cluster'}`)).toEqual([
      'v1 pods ns',
      'v1 nodes cluster',
      'v1 bindings ns',
      'example.com/v2 widgets ns',
      'example.com/v1 gadgets cluster',
    ]);
  });
  it('keeps only resources supporting every verb asked for', () => {
    const found = supportingAll(preferredResources([core, groups]), ['list', 'delete']);
    expect(found.map((r) => r.type.resource)).toEqual(['pods', 'nodes', 'widgets']);
  });
});
