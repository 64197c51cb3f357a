import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { planStatefulSet, statefulSetStatus, type StatefulSetAction } from './statefulset-plan.ts';
import type { StatefulSet, StatefulSetSpec } from './statefulset-types.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

function set(spec: Partial<StatefulSetSpec> = {}, status?: StatefulSet['status']): StatefulSet {
  return { metadata: { name: 'web', namespace: 'default', uid: 'u' }, spec: { replicas: 3, template: {}, ...spec }, status };
}

function pod(ordinal: number, o: { ready?: boolean; revision?: string; phase?: string; deleting?: boolean } = {}): KubeObject {
  const ready = o.ready ?? true;
  return {
    metadata: { name: `web-${ordinal}`, labels: { 'controller-revision-hash': o.revision ?? 'r1' }, ...(o.deleting ? { deletionTimestamp: 'x' } : {}) },
    status: { phase: o.phase ?? (ready ? 'Running' : 'Pending'), conditions: ready ? [{ type: 'Ready', status: 'True' }] : [] },
  };
}

const describeActions = (actions: StatefulSetAction[]) => actions.map((a) => (a.kind === 'create' ? `create ${a.ordinal}` : `delete ${a.pod.metadata.name} (${a.reason})`));
const plan = (s: StatefulSet, pods: KubeObject[], current = 'r1', update = 'r1') => describeActions(planStatefulSet({ set: s, pods, currentRevision: current, updateRevision: update, now: NOW }));

describe('planStatefulSet()', () => {
  it.each([
    ['creates ordinal 0 first', set(), [], ['create 0']],
    ['creates the next ordinal once the previous is Running and Ready', set(), [pod(0)], ['create 1']],
    ['waits while a pod is not ready (OrderedReady)', set(), [pod(0, { ready: false })], []],
    ['creates every missing pod at once with Parallel', set({ podManagementPolicy: 'Parallel' }), [pod(1, { ready: false })], ['create 0', 'create 2']],
    ['replaces a failed pod', set(), [pod(0, { phase: 'Failed', ready: false }), pod(1), pod(2)], ['delete web-0 (failed)']],
    ['scales down from the highest ordinal, one at a time', set({ replicas: 1 }), [pod(0), pod(1), pod(2)], ['delete web-2 (condemned)']],
    ['waits for a terminating condemned pod before the next', set({ replicas: 1 }), [pod(0), pod(1), pod(2, { deleting: true })], []],
    ['scales down every condemned pod at once with Parallel', set({ replicas: 1, podManagementPolicy: 'Parallel' }), [pod(0), pod(1), pod(2)], ['delete web-2 (condemned)', 'delete web-1 (condemned)']],
    ['starts from spec.ordinals.start', set({ ordinals: { start: 5 }, replicas: 1 }), [], ['create 5']],
  ])('%s', (_name, s, pods, expected) => {
    expect(plan(s, pods)).toEqual(expected);
  });

  it.each([
    ['updates the highest ordinal first', set(), [pod(0), pod(1), pod(2)], ['delete web-2 (update)']],
    ['goes on down once the updated pod is healthy', set(), [pod(0), pod(1), pod(2, { revision: 'r2' })], ['delete web-1 (update)']],
    ['waits while the updated pod is not ready', set({ podManagementPolicy: 'Parallel' }), [pod(0), pod(1), pod(2, { revision: 'r2', ready: false })], []],
    ['stops at the partition', set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), [pod(0), pod(1), pod(2, { revision: 'r2' })], []],
    ['leaves pods alone with OnDelete', set({ updateStrategy: { type: 'OnDelete' } }), [pod(0), pod(1), pod(2)], []],
  ])('RollingUpdate %s', (_name, s, pods, expected) => {
    expect(plan(s, pods, 'r1', 'r2')).toEqual(expected);
  });

  it('re-creates a pod below the partition at the current revision', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(planStatefulSet({ set: s, pods: [pod(1), pod(2, { revision: 'r2' })], currentRevision: 'r1', updateRevision: 'r2', now: NOW })).toEqual([{ kind: 'create', ordinal: 0, revision: 'current' }]);
  });
});

describe('statefulSetStatus()', () => {
  it('counts replicas, ready, current and updated pods', () => {
    const status = statefulSetStatus({ set: set(), pods: [pod(0), pod(1, { revision: 'r2' }), pod(2, { ready: false })], currentRevision: 'r1', updateRevision: 'r2', now: NOW });
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 1, currentRevision: 'r1', updateRevision: 'r2' });
  });

  it('makes the update revision current once every replica runs it and is ready', () => {
    const status = statefulSetStatus({ set: set(), pods: [0, 1, 2].map((i) => pod(i, { revision: 'r2' })), currentRevision: 'r1', updateRevision: 'r2', now: NOW });
    expect(status).toMatchObject({ currentRevision: 'r2', currentReplicas: 3, updatedReplicas: 3 });
  });
});
