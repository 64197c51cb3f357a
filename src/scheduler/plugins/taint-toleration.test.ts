import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework.ts';
import { NodeInfo } from '../node-info.ts';
import { makeNode, podInfo } from '../test-builders.ts';
import type { Taint, Toleration } from '../types.ts';
import { taintTolerationPlugin } from './taint-toleration.ts';

const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  const cases: { name: string; taints: Taint[]; tolerations?: Toleration[]; reasons: string[] }[] = [
    { name: 'passes an untainted node', taints: [], reasons: [] },
    { name: 'names the untolerated taint with an empty value as upstream does', taints: [controlPlane], reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    { name: 'names the value of an untolerated taint', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }], reasons: ['node(s) had untolerated taint {dedicated: gpu}'] },
    { name: 'ignores PreferNoSchedule taints', taints: [{ key: 'soft', effect: 'PreferNoSchedule' }], reasons: [] },
    { name: 'passes a taint tolerated with Exists', taints: [controlPlane], tolerations: [{ key: controlPlane.key, operator: 'Exists' }], reasons: [] },
    { name: 'passes every taint for an empty-key Exists toleration', taints: [controlPlane, { key: 'x', value: 'y', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], reasons: [] },
    { name: 'rejects an Equal toleration with another value', taints: [{ key: 'k', value: 'a', effect: 'NoSchedule' }], tolerations: [{ key: 'k', operator: 'Equal', value: 'b' }], reasons: ['node(s) had untolerated taint {k: a}'] },
    { name: 'rejects a toleration of another effect', taints: [{ key: 'k', effect: 'NoExecute' }], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }], reasons: ['node(s) had untolerated taint {k: }'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = taintTolerationPlugin.filter(new CycleState(), podInfo('p', { tolerations: c.tolerations }), new NodeInfo(makeNode('n', { taints: c.taints })));
      expect(status.reasons).toEqual(c.reasons);
      expect(status.code).toBe(c.reasons.length ? 'UnschedulableAndUnresolvable' : 'Success');
    });
  }
});

describe('TaintToleration score', () => {
  it('favours nodes with fewer untolerated PreferNoSchedule taints, normalised in reverse', () => {
    const soft = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });
    const nodes = [[], [soft('a')], [soft('a'), soft('b')], [soft('t')]].map((taints, i) => new NodeInfo(makeNode(`n${i}`, { taints })));
    const pod = podInfo('p', { tolerations: [{ key: 't', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const state = new CycleState();
    const scores = nodes.map((n) => taintTolerationPlugin.score(state, pod, n));
    expect(scores).toEqual([0, 1, 2, 0]);
    taintTolerationPlugin.normalize!(state, pod, scores);
    expect(scores).toEqual([100, 50, 0, 100]);
  });
});
