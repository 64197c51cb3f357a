import { describe, expect, it } from 'vitest';
import { setNewReplicaSetAnnotations } from './annotations.ts';
import type { Deployment, ReplicaSet } from './types.ts';

const d: Deployment = {
  metadata: { name: 'web', annotations: { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '4' } },
  spec: { replicas: 4, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } },
};

function rs(annotations: Record<string, string> = {}): ReplicaSet {
  return { metadata: { name: 'web-x', annotations }, spec: {} };
}

describe('setNewReplicaSetAnnotations()', () => {
  it('gives a ReplicaSet about to be created the revision, the copied annotations and the replicas annotations', () => {
    const r = rs();
    expect(setNewReplicaSetAnnotations({ d, rs: r, newRevision: 5, exists: false })).toBe(true);
    expect(r.metadata.annotations).toEqual({
      team: 'a',
      'deployment.kubernetes.io/revision': '5',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });

  it('records the old revision in revision-history when rolling back to a ReplicaSet', () => {
    const r = rs({ team: 'a', 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/revision-history': '1' });
    setNewReplicaSetAnnotations({ d, rs: r, newRevision: 5, exists: true });
    expect(r.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('5');
    expect(r.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1,2');
  });

  it('changes nothing when the ReplicaSet is already up to date', () => {
    const r = rs({ team: 'a', 'deployment.kubernetes.io/revision': '5' });
    expect(setNewReplicaSetAnnotations({ d, rs: r, newRevision: 5, exists: true })).toBe(false);
  });

  it('never lowers a revision', () => {
    const r = rs({ team: 'a', 'deployment.kubernetes.io/revision': '7' });
    setNewReplicaSetAnnotations({ d, rs: r, newRevision: 5, exists: true });
    expect(r.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('7');
  });
});
