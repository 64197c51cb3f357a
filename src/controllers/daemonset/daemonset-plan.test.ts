import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import type { Node } from '../../scheduler/types.ts';
import { planDaemonSet } from './daemonset-plan.ts';
import type { DaemonSet } from './daemonset-types.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const nodes = (...names: string[]) => names.map((name) => ({ metadata: { name, labels: {} }, spec: {} }) as Node);
const ds = (strategy?: DaemonSet['spec']['updateStrategy']): DaemonSet => ({ metadata: { name: 'agent', namespace: 'default', uid: 'u', generation: 2 }, spec: { template: { spec: {} }, updateStrategy: strategy } });

let seq = 0;
function pod(node: string, o: { hash?: string; ready?: boolean; phase?: string; bound?: boolean } = {}): KubeObject {
  const ready = o.ready ?? true;
  seq++;
  return {
    metadata: { name: `agent-${node}-${seq}`, uid: `uid-${seq}`, creationTimestamp: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`, labels: { 'controller-revision-hash': o.hash ?? 'new' } },
    spec: o.bound === false ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } } } : { nodeName: node },
    status: { phase: o.phase ?? 'Running', conditions: ready ? [{ type: 'Ready', status: 'True' }] : [] },
  };
}
const plan = (set: DaemonSet, n: Node[], pods: KubeObject[]) => planDaemonSet({ set, nodes: n, pods, hash: 'new', now: NOW });
const deleted = (p: ReturnType<typeof plan>) => p.delete.map((x) => (x.spec as { nodeName?: string }).nodeName ?? 'unbound').sort();

describe('planDaemonSet()', () => {
  it('creates a pod for every node without one', () => {
    expect(plan(ds(), nodes('a', 'b', 'c'), [pod('b', { bound: false })]).create).toEqual(['a', 'c']);
  });

  it('deletes pods for nodes that are gone', () => {
    const p = plan(ds(), nodes('a'), [pod('a'), pod('zz')]);
    expect(deleted(p)).toEqual(['zz']);
  });

  it('replaces a failed pod and keeps only the oldest of duplicates', () => {
    const p = plan(ds(), nodes('a', 'b'), [pod('a', { phase: 'Failed', ready: false }), pod('b'), pod('b')]);
    expect(p.delete.map((x) => x.metadata.name)).toEqual([`agent-a-${seq - 2}`, `agent-b-${seq}`]);
  });

  it.each([
    ['deletes one old pod at a time with the default maxUnavailable 1', undefined, 1],
    ['deletes as many old pods as maxUnavailable allows', { type: 'RollingUpdate' as const, rollingUpdate: { maxUnavailable: 2 } }, 2],
    ['reads maxUnavailable as a percentage rounded up', { type: 'RollingUpdate' as const, rollingUpdate: { maxUnavailable: '50%' } }, 2],
    ['deletes nothing with OnDelete', { type: 'OnDelete' as const }, 0],
  ])('%s', (_name, strategy, count) => {
    const p = plan(ds(strategy), nodes('a', 'b', 'c'), [pod('a', { hash: 'old' }), pod('b', { hash: 'old' }), pod('c', { hash: 'old' })]);
    expect(p.delete).toHaveLength(count);
  });

  it('counts an unavailable new pod against maxUnavailable', () => {
    const p = plan(ds(), nodes('a', 'b'), [pod('a', { ready: false }), pod('b', { hash: 'old' })]);
    expect(p.delete).toEqual([]);
  });

  it('replaces an unavailable old pod whatever the budget', () => {
    const p = plan(ds(), nodes('a', 'b'), [pod('a', { ready: false }), pod('b', { hash: 'old', ready: false })]);
    expect(deleted(p)).toEqual(['b']);
  });

  it('surges a new pod next to an old one, then deletes the old one once the new is available', () => {
    const surge = ds({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(plan(surge, nodes('a', 'b'), [pod('a', { hash: 'old' }), pod('b', { hash: 'old' })]).create).toEqual(['a']);
    const p = plan(surge, nodes('a', 'b'), [pod('a', { hash: 'old' }), pod('a'), pod('b', { hash: 'old' })]);
    expect(deleted(p)).toEqual(['a']);
  });

  it('reports desired, current, ready, updated, available and misscheduled counts', () => {
    const tainted = { metadata: { name: 'd', labels: {} }, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } } as Node;
    const p = plan(ds(), [...nodes('a', 'b', 'c'), tainted], [pod('a'), pod('b', { hash: 'old', ready: false }), pod('d')]);
    expect(p.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 2, numberMisscheduled: 1, observedGeneration: 2 });
  });
});
