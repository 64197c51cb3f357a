import { describe, expect, it } from 'vitest';
import { CacheStore } from './cache-store.ts';
import type { KubeObject } from './object.ts';

function obj(namespace: string | undefined, name: string, node?: string): KubeObject {
  return { metadata: { name, ...(namespace ? { namespace } : {}) }, spec: { nodeName: node } };
}
const byNode = (o: KubeObject) => [(o.spec as { nodeName?: string }).nodeName ?? ''];

describe('CacheStore', () => {
  it('keys namespaced objects namespace/name and cluster objects by name', () => {
    const store = new CacheStore<KubeObject>();
    store.put(obj('default', 'web'));
    store.put(obj(undefined, 'node-1'));
    expect(store.keys().sort()).toEqual(['default/web', 'node-1']);
    expect(store.get('default/web')?.metadata.name).toBe('web');
  });

  it('indexes objects already cached when an indexer is added late', () => {
    const store = new CacheStore<KubeObject>();
    store.put(obj('a', 'p1', 'n1'));
    store.put(obj('b', 'p2', 'n1'));
    store.addIndexer('node', byNode);
    expect(store.byIndex('node', 'n1').map((o) => o.metadata.name).sort()).toEqual(['p1', 'p2']);
  });

  it('moves an object between index values when it changes, and drops it on remove', () => {
    const store = new CacheStore<KubeObject>();
    store.addIndexer('node', byNode);
    store.put(obj('a', 'p1', 'n1'));
    store.put(obj('a', 'p1', 'n2'));
    expect(store.byIndex('node', 'n1')).toEqual([]);
    expect(store.byIndex('node', 'n2')).toHaveLength(1);
    expect(store.remove('a/p1')?.metadata.name).toBe('p1');
    expect(store.byIndex('node', 'n2')).toEqual([]);
    expect(store.byIndex('namespace', 'a')).toEqual([]);
    expect(store.remove('a/p1')).toBeUndefined();
  });

  it('refuses a second indexer of the same name and a lookup in an unknown index', () => {
    const store = new CacheStore<KubeObject>();
    expect(() => store.addIndexer('namespace', byNode)).toThrow(/already exists/);
    expect(() => store.byIndex('node', 'n1')).toThrow(/no indexer "node"/);
  });
});
