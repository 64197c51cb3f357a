import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, assertStrategicMergePatchSupported } from './strategic-merge-patch.ts';
import { type SmpCase, containers, pod } from './testdata/builders.ts';
import { deploymentSchema, podSchema } from './testdata/schemas.ts';

// Lists that merge by key, lists that are replaced, and the `$patch` element directives.
const listCases: SmpCase[] = [
  {
    name: "merges a container's image by name and keeps the other containers",
    doc: pod(containers({ name: 'app', image: 'nginx:1.25', args: ['-v'] }, { name: 'sidecar', image: 'envoy' })),
    patch: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    want: pod(containers({ name: 'app', image: 'nginx:1.27', args: ['-v'] }, { name: 'sidecar', image: 'envoy' })),
  },
  {
    // As kube-apiserver (and the kubectl patch docs' redis example): without $setElementOrder
    // a new element goes before the server-only ones.
    name: 'puts a container the object does not have yet before the existing ones',
    doc: pod(containers({ name: 'app', image: 'a' })),
    patch: { spec: { containers: [{ name: 'log', image: 'b' }] } },
    want: pod(containers({ name: 'log', image: 'b' }, { name: 'app', image: 'a' })),
  },
  {
    name: 'deletes a container with $patch: delete and keeps the others',
    doc: pod(containers({ name: 'app', image: 'a' }, { name: 'sidecar', image: 'b' })),
    patch: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
    want: pod(containers({ name: 'app', image: 'a' })),
  },
  {
    name: 'deletes every element sharing the merge key named by $patch: delete',
    doc: pod(containers({ name: 'x' }, { name: 'x' }, { name: 'y', image: 'a' })),
    patch: { spec: { containers: [{ name: 'x', $patch: 'delete' }] } },
    want: pod(containers({ name: 'y', image: 'a' })),
  },
  {
    name: 'replaces the whole list with a $patch: replace element',
    doc: pod(containers({ name: 'app', image: 'a' }, { name: 'sidecar', image: 'b' })),
    patch: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'c' }] } },
    want: pod(containers({ name: 'only', image: 'c' })),
  },
  {
    name: 'empties a merging list with a lone $patch: replace element',
    doc: pod(containers({ name: 'app' }, { name: 'b' })),
    patch: { spec: { containers: [{ $patch: 'replace' }] } },
    want: pod(containers()),
  },
  {
    name: 'replaces a list without a patch strategy (container args) wholesale',
    doc: pod(containers({ name: 'app', args: ['a', 'b'] })),
    patch: { spec: { containers: [{ name: 'app', args: ['c'] }] } },
    want: pod(containers({ name: 'app', args: ['c'] })),
  },
  {
    name: 'replaces a list of maps without a patch strategy (tolerations) wholesale',
    doc: pod({ tolerations: [{ key: 'a' }, { key: 'b' }] }),
    patch: { spec: { tolerations: [{ key: 'c' }] } },
    want: pod({ tolerations: [{ key: 'c' }] }),
  },
  {
    name: 'merges nested lists: ports by containerPort and env by name inside one container',
    doc: pod(
      containers({
        name: 'app',
        ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }],
        env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
      }),
    ),
    patch: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }], env: [{ name: 'B', value: '3' }] }] } },
    want: pod(
      containers({
        name: 'app',
        ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }],
        env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }],
      }),
    ),
  },
  {
    name: 'removes a field of a list element with null',
    doc: pod(containers({ name: 'app', image: 'a', args: ['x'] })),
    patch: { spec: { containers: [{ name: 'app', args: null }] } },
    want: pod(containers({ name: 'app', image: 'a' })),
  },
  {
    name: 'drops delete directives and nulls from a list the object does not have yet',
    doc: pod({}),
    patch: { spec: { initContainers: [{ name: 'init', image: 'a', args: null }, { name: 'gone', $patch: 'delete' }] } },
    want: pod({ initContainers: [{ name: 'init', image: 'a' }] }),
  },
  {
    name: 'keeps the patch order for the items it names (upstream: preserve the order from the patch)',
    doc: pod(containers({ name: 'a' }, { name: 'b', image: 'b' }, { name: 'c' })),
    patch: { spec: { containers: [{ name: 'c', image: 'c' }, { name: 'a', image: 'a' }, { name: 'b', args: ['x'] }] } },
    want: pod(containers({ name: 'c', image: 'c' }, { name: 'a', image: 'a' }, { name: 'b', image: 'b', args: ['x'] })),
  },
  {
    name: 'weaves server-only items in before the patch items they preceded on the server',
    doc: pod(containers({ name: 'a' }, { name: 'b', image: 'b' }, { name: 'c' })),
    patch: { spec: { containers: [{ name: 'c', image: 'c' }, { name: 'a', image: 'a' }] } },
    want: pod(containers({ name: 'b', image: 'b' }, { name: 'c', image: 'c' }, { name: 'a', image: 'a' })),
  },
  {
    name: 'puts a new item right after the patch item it follows, before later server-only items',
    doc: pod(containers({ name: 'a' }, { name: 'b' }, { name: 'c' })),
    patch: { spec: { containers: [{ name: 'b', image: 'b' }, { name: 'd' }] } },
    want: pod(containers({ name: 'a' }, { name: 'b', image: 'b' }, { name: 'd' }, { name: 'c' })),
  },
  {
    name: 'merges finalizers as a set without duplicates',
    doc: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['b', 'c'] } },
    want: pod({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
  },
  {
    name: 'orders a merged scalar list by the patch, server-only values first where they were',
    doc: pod({}, { finalizers: ['1', '2', '3'] }),
    patch: { metadata: { finalizers: ['3', '1'] } },
    want: pod({}, { finalizers: ['2', '3', '1'] }),
  },
  {
    name: 'removes finalizers listed in $deleteFromPrimitiveList',
    doc: pod({}, { finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: pod({}, { finalizers: ['a', 'c'] }),
  },
  {
    name: 'adds and removes finalizers in one patch',
    doc: pod({}, { finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
    want: pod({}, { finalizers: ['c', 'b'] }),
  },
  {
    name: 'ignores $deleteFromPrimitiveList for a value the list lacks',
    doc: pod({}, { finalizers: ['a'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['z'] } },
    want: pod({}, { finalizers: ['a'] }),
  },
  {
    name: 'does not create a list that $deleteFromPrimitiveList names but the object lacks',
    doc: pod({}, { name: 'p' }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
    want: pod({}, { name: 'p' }),
  },
  {
    name: 'deletes from a scalar list without a merge strategy too (container args)',
    doc: pod(containers({ name: 'app', args: ['a', 'b', 'c'] })),
    patch: { spec: { containers: [{ name: 'app', '$deleteFromPrimitiveList/args': ['b'] }] } },
    want: pod(containers({ name: 'app', args: ['a', 'c'] })),
  },
  {
    name: 'merges ownerReferences by uid',
    doc: pod({}, { ownerReferences: [{ uid: '1', name: 'a' }] }),
    patch: { metadata: { ownerReferences: [{ uid: '2', name: 'b' }] } },
    want: pod({}, { ownerReferences: [{ uid: '2', name: 'b' }, { uid: '1', name: 'a' }] }),
  },
];

// Maps: null deletes, merge recursively, `$patch` and `$retainKeys` on maps.
const mapCases: SmpCase[] = [
  {
    name: 'removes a label with null and keeps the other labels',
    doc: pod({}, { name: 'p', labels: { app: 'web', tier: 'front' } }),
    patch: { metadata: { labels: { tier: null, env: 'prod' } } },
    want: pod({}, { name: 'p', labels: { app: 'web', env: 'prod' } }),
  },
  {
    name: 'ignores null for a key the object does not have',
    doc: pod({}, { name: 'p' }),
    patch: { metadata: { annotations: { a: null }, labels: null } },
    want: pod({}, { name: 'p', annotations: {} }),
  },
  {
    name: 'replaces a whole map with $patch: replace',
    doc: pod({ nodeSelector: { a: '1', b: '2' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', c: '3' } } },
    want: pod({ nodeSelector: { c: '3' } }),
  },
  {
    name: 'empties a map with $patch: delete',
    doc: pod({ nodeSelector: { a: '1' } }),
    patch: { spec: { nodeSelector: { $patch: 'delete' } } },
    want: pod({ nodeSelector: {} }),
  },
  {
    name: 'replaces a scalar with an object and an object with a scalar',
    doc: { a: 'x', b: { c: 1 } },
    patch: { a: { d: 1, e: null }, b: 2 },
    want: { a: { d: 1 }, b: 2 },
  },
  {
    name: 'switches a volume source with $retainKeys (configMap to secret)',
    doc: pod({ volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'w', emptyDir: {} }] }),
    patch: { spec: { volumes: [{ name: 'v', $retainKeys: ['name', 'secret'], secret: { secretName: 's' } }] } },
    want: pod({ volumes: [{ name: 'v', secret: { secretName: 's' } }, { name: 'w', emptyDir: {} }] }),
  },
  {
    name: "clears a Deployment's rollingUpdate when $retainKeys switches strategy to Recreate",
    schema: deploymentSchema,
    doc: { spec: { replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    want: { spec: { replicas: 2, strategy: { type: 'Recreate' } } },
  },
  {
    name: 'merges a retainKeys map normally when the patch has no $retainKeys',
    schema: deploymentSchema,
    doc: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { rollingUpdate: { maxUnavailable: 1 } } } },
    want: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } } },
  },
  {
    name: "merges a Deployment template's container by name",
    schema: deploymentSchema,
    doc: { spec: { template: { spec: containers({ name: 'a', image: '1' }, { name: 'b', image: '2' }) } } },
    patch: { spec: { template: { spec: { containers: [{ name: 'b', image: '3' }] } } } },
    want: { spec: { template: { spec: containers({ name: 'a', image: '1' }, { name: 'b', image: '3' }) } } },
  },
  {
    name: 'merges keys under an unknown field as maps and replaces lists there',
    doc: { extra: { a: [1, 2], b: { c: 1 } } },
    patch: { extra: { a: [3], b: { d: 2 } } },
    want: { extra: { a: [3], b: { c: 1, d: 2 } } },
  },
  {
    name: 'treats a null patch as an empty patch',
    doc: pod({}, { name: 'p' }),
    patch: null,
    want: pod({}, { name: 'p' }),
  },
  {
    name: 'empties the object with a top-level $patch: delete',
    doc: pod({}, { name: 'p' }),
    patch: { $patch: 'delete' },
    want: {},
  },
];

describe('applyStrategicMergePatch', () => {
  for (const c of [...listCases, ...mapCases]) {
    it(c.name, () => {
      expect(applyStrategicMergePatch(c.doc, c.patch, c.schema ?? podSchema)).toStrictEqual(c.want);
    });
  }

  it('keeps a __proto__ key from a request body as a member, not a prototype', () => {
    const result = applyStrategicMergePatch({ metadata: {} }, JSON.parse('{"metadata": {"__proto__": {"x": 1}}}'), podSchema);
    const metadata = result.metadata as Record<string, unknown>;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.keys(metadata)).toStrictEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('changes neither the object nor the patch it is given', () => {
    const doc = pod(containers({ name: 'a', image: '1' }), { finalizers: ['x'], labels: { a: '1' } });
    const patch = {
      metadata: { labels: { a: null }, '$deleteFromPrimitiveList/finalizers': ['x'] },
      spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'b' }] },
    };
    const docBefore = structuredClone(doc);
    const patchBefore = structuredClone(patch);
    applyStrategicMergePatch(doc, patch, podSchema);
    expect(doc).toStrictEqual(docBefore);
    expect(patch).toStrictEqual(patchBefore);
  });
});

describe('assertStrategicMergePatchSupported', () => {
  it('accepts a kind with merge metadata', () => {
    expect(() => assertStrategicMergePatchSupported(podSchema)).not.toThrow();
  });
  it('throws 415 UnsupportedMediaType for a kind without schema', () => {
    expect(() => assertStrategicMergePatchSupported(undefined)).toThrow(
      expect.objectContaining({ code: 415, reason: 'UnsupportedMediaType' }),
    );
  });
});
