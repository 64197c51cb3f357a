import { describe, expect, it } from 'vitest';
import { equalIgnoreHash, findNewReplicaSet, maxRevision } from './replica-sets.ts';
import type { Deployment, ReplicaSet } from './types.ts';

function rs(name: string, o: { created: string; image: string; revision?: string }): ReplicaSet {
  return {
    metadata: { name, creationTimestamp: o.created, annotations: o.revision ? { 'deployment.kubernetes.io/revision': o.revision } : {} },
    spec: { replicas: 1, template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ name: 'c', image: o.image }] } } },
  };
}

const d: Deployment = { metadata: { name: 'web' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } } } };

describe('equalIgnoreHash()', () => {
  it('ignores the pod-template-hash label', () => {
    expect(equalIgnoreHash({ metadata: { labels: { a: 'b', 'pod-template-hash': 'x' } } }, { metadata: { labels: { a: 'b' } } })).toBe(true);
  });
  it('treats missing and empty maps alike', () => {
    expect(equalIgnoreHash({ metadata: { labels: { 'pod-template-hash': 'x' } }, spec: {} }, { metadata: {} })).toBe(true);
  });
  it('sees a changed image', () => {
    expect(equalIgnoreHash({ spec: { containers: [{ image: 'a' }] } }, { spec: { containers: [{ image: 'b' }] } })).toBe(false);
  });
});

describe('findNewReplicaSet()', () => {
  it('answers the oldest ReplicaSet whose template is the deployment\'s', () => {
    const rss = [rs('c', { created: '2024-01-03T00:00:00Z', image: 'v2' }), rs('a', { created: '2024-01-01T00:00:00Z', image: 'v1' }), rs('b', { created: '2024-01-02T00:00:00Z', image: 'v2' })];
    expect(findNewReplicaSet(d, rss)?.metadata.name).toBe('b');
  });
  it('answers nothing when no template matches', () => {
    expect(findNewReplicaSet(d, [rs('a', { created: '2024-01-01T00:00:00Z', image: 'v1' })])).toBeUndefined();
  });
});

describe('maxRevision()', () => {
  it('answers the highest revision annotation, 0 for none', () => {
    expect(maxRevision([rs('a', { created: '', image: '', revision: '3' }), rs('b', { created: '', image: '', revision: '10' }), rs('c', { created: '', image: '' })])).toBe(10);
    expect(maxRevision([])).toBe(0);
  });
});
