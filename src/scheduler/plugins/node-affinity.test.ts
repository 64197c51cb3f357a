import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework.ts';
import { NodeInfo } from '../node-info.ts';
import { makeNode, podInfo, type PodShape } from '../test-builders.ts';
import { nodeAffinityPlugin } from './node-affinity.ts';

const required = (...terms: object[]): PodShape => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never } } } });

describe('NodeAffinity filter', () => {
  const cases: { name: string; labels: Record<string, string>; pod: PodShape; fits: boolean }[] = [
    { name: 'passes a node carrying every nodeSelector label', labels: { disk: 'ssd', zone: 'a' }, pod: { nodeSelector: { disk: 'ssd' } }, fits: true },
    { name: 'rejects a node missing a nodeSelector label', labels: { zone: 'a' }, pod: { nodeSelector: { disk: 'ssd' } }, fits: false },
    { name: 'passes a node matching one of several terms', labels: { zone: 'b' }, pod: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }), fits: true },
    { name: 'rejects a node with a NotIn value', labels: { zone: 'a' }, pod: required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }), fits: false },
    { name: 'passes DoesNotExist on a node without the label', labels: {}, pod: required({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }), fits: true },
    { name: 'compares Gt as integers', labels: { cores: '16' }, pod: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] }), fits: true },
    { name: 'rejects Lt on a label that is not an integer', labels: { cores: 'many' }, pod: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['8'] }] }), fits: false },
    { name: 'matches metadata.name through matchFields', labels: {}, pod: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), fits: true },
    { name: 'rejects an empty term', labels: { zone: 'a' }, pod: required({}), fits: false },
    {
      name: 'needs both the nodeSelector and the required affinity',
      labels: { zone: 'a' },
      pod: { nodeSelector: { disk: 'ssd' }, ...required({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }) },
      fits: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = new CycleState();
      const status = nodeAffinityPlugin.filter(state, podInfo('p', c.pod), new NodeInfo(makeNode('n1', { labels: c.labels })));
      expect(status.code).toBe(c.fits ? 'Success' : 'UnschedulableAndUnresolvable');
      if (!c.fits) expect(status.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    });
  }
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms and scales the best to 100', () => {
    const pod = podInfo('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 30, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
          ],
        },
      },
    });
    const nodes = ([{ zone: "a", disk: "ssd" }, { disk: "ssd" }, { zone: "a" }, {}] as Record<string, string>[]).map((labels, i) => new NodeInfo(makeNode(`n${i}`, { labels })));
    const state = new CycleState();
    const scores = nodes.map((n) => nodeAffinityPlugin.score(state, pod, n));
    expect(scores).toEqual([40, 30, 10, 0]);
    nodeAffinityPlugin.normalize!(state, pod, scores);
    expect(scores).toEqual([100, 75, 25, 0]);
  });
});
