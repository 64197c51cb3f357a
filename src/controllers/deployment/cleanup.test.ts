import { describe, expect, it } from 'vitest';
import { replicaSetsToCleanUp } from './cleanup.ts';
import type { ReplicaSet } from './types.ts';

function rs(name: string, revision: number, o: { replicas?: number; observed?: boolean } = {}): ReplicaSet {
  return {
    metadata: { name, generation: 2, annotations: { 'deployment.kubernetes.io/revision': String(revision) } },
    spec: { replicas: o.replicas ?? 0 },
    status: { replicas: o.replicas ?? 0, observedGeneration: o.observed === false ? 1 : 2 },
  };
}

describe('replicaSetsToCleanUp()', () => {
  it('deletes the lowest revisions beyond the limit', () => {
    expect(replicaSetsToCleanUp([rs('c', 3), rs('a', 1), rs('b', 2)], 1).map((r) => r.metadata.name)).toEqual(['a', 'b']);
  });
  it('keeps everything within the limit', () => {
    expect(replicaSetsToCleanUp([rs('a', 1), rs('b', 2)], 2)).toEqual([]);
  });
  it('keeps a ReplicaSet that still has pods or is not yet observed', () => {
    expect(replicaSetsToCleanUp([rs('a', 1, { replicas: 1 }), rs('b', 2, { observed: false }), rs('c', 3)], 0).map((r) => r.metadata.name)).toEqual(['c']);
  });
});
