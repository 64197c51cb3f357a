import { describe, expect, it } from 'vitest';
import { builtinSchemaLookup, schemaNodeFromOpenApi } from './builtin-schemas.ts';

describe('builtinSchemaLookup()', () => {
  it('gives a Pod whose containers merge by name', () => {
    const pod = builtinSchemaLookup('', 'v1', 'Pod');
    const containers = pod?.properties?.spec?.properties?.containers;
    expect(containers).toMatchObject({ type: 'array', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] });
  });

  it.each([
    ['container ports by containerPort and protocol', ['spec', 'containers', '*', 'ports'], { patchMergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'] }],
    ['env by name', ['spec', 'containers', '*', 'env'], { patchMergeKey: 'name', listType: 'map' }],
    ['volumes by name with retainKeys', ['spec', 'volumes'], { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }],
    ['tolerations atomically', ['spec', 'tolerations'], { listType: 'atomic' }],
    ['finalizers as a set', ['metadata', 'finalizers'], { patchStrategy: 'merge', listType: 'set' }],
    ['ownerReferences by uid', ['metadata', 'ownerReferences'], { patchMergeKey: 'uid', listMapKeys: ['uid'] }],
    ['status conditions by type', ['status', 'conditions'], { patchMergeKey: 'type', listMapKeys: ['type'] }],
  ])('merges a Pod\'s %s', (_name, path, expected) => {
    let node = builtinSchemaLookup('', 'v1', 'Pod');
    for (const step of path) node = step === '*' ? node?.items : node?.properties?.[step];
    expect(node).toMatchObject(expected);
  });

  it('treats an unannotated list as atomic and a map of strings as granular', () => {
    const spec = builtinSchemaLookup('apps', 'v1', 'Deployment')?.properties?.spec;
    expect(spec?.properties?.replicas).toEqual({ type: 'integer' });
    expect(spec?.properties?.template?.properties?.spec?.properties?.containers?.items?.properties?.args?.listType).toBe('atomic');
    expect(spec?.properties?.strategy?.patchStrategy).toBe('retainKeys');
  });

  it('marks IntOrString and RawExtension fields', () => {
    const port = builtinSchemaLookup('', 'v1', 'Service')?.properties?.spec?.properties?.ports?.items?.properties?.targetPort;
    expect(port?.intOrString).toBe(true);
    const data = builtinSchemaLookup('apps', 'v1', 'ControllerRevision')?.properties?.data;
    expect(data?.preserveUnknownFields).toBe(true);
  });

  it('knows nothing of kinds it does not serve', () => {
    expect(builtinSchemaLookup('example.com', 'v1', 'Widget')).toBeUndefined();
  });
});

describe('schemaNodeFromOpenApi()', () => {
  it('takes list semantics and preserve-unknown-fields from the CRD schema', () => {
    const node = schemaNodeFromOpenApi({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port'], items: { type: 'object' } },
            tags: { type: 'array', items: { type: 'string' } },
            port: { 'x-kubernetes-int-or-string': true },
            extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            template: { type: 'object', 'x-kubernetes-embedded-resource': true },
          },
        },
      },
    });
    const spec = node.properties?.spec?.properties;
    expect(spec?.ports).toMatchObject({ listType: 'map', listMapKeys: ['port'] });
    expect(spec?.tags?.listType).toBe('atomic');
    expect(spec?.port?.intOrString).toBe(true);
    expect(spec?.extra?.preserveUnknownFields).toBe(true);
    expect(Object.keys(spec?.template?.properties ?? {})).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(node.properties?.metadata?.properties?.finalizers?.listType).toBe('set');
  });
});
