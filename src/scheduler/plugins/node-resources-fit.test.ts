import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework.ts';
import { NodeInfo } from '../node-info.ts';
import { makeNode, podInfo, type NodeShape, type PodShape } from '../test-builders.ts';
import { balancedAllocationPlugin } from './balanced-allocation.ts';
import { nodeResourcesFitPlugin } from './node-resources-fit.ts';

function nodeWith(shape: NodeShape, bound: PodShape[] = []): NodeInfo {
  const node = new NodeInfo(makeNode('n', shape));
  bound.forEach((s, i) => node.addPod(podInfo(`b${i}`, { ...s, nodeName: 'n' })));
  return node;
}

describe('NodeResourcesFit filter', () => {
  const cases: { name: string; node: NodeShape; bound?: PodShape[]; pod: PodShape; reasons: string[] }[] = [
    { name: 'passes a pod that fits beside the bound pods', node: { cpu: '2' }, bound: [{ cpu: '1' }], pod: { cpu: '1' }, reasons: [] },
    { name: 'rejects cpu beyond allocatable minus bound requests', node: { cpu: '2' }, bound: [{ cpu: '1500m' }], pod: { cpu: '600m' }, reasons: ['Insufficient cpu'] },
    { name: 'gives one reason per resource short', node: { cpu: '1', memory: '1Gi' }, pod: { cpu: '2', memory: '2Gi' }, reasons: ['Insufficient cpu', 'Insufficient memory'] },
    { name: 'rejects a node at its pod count', node: { pods: 1 }, bound: [{}], pod: {}, reasons: ['Too many pods'] },
    { name: 'passes a pod without requests on a full node', node: { cpu: '1' }, bound: [{ cpu: '1' }], pod: {}, reasons: [] },
    {
      name: 'rejects an init container larger than the node',
      node: { cpu: '1' },
      pod: { initContainers: [{ name: 'i', resources: { requests: { cpu: '2' } } }] },
      reasons: ['Insufficient cpu'],
    },
    {
      name: 'rejects an extended resource the node lacks',
      node: {},
      pod: { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] },
      reasons: ['Insufficient nvidia.com/gpu'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = nodeResourcesFitPlugin.filter(new CycleState(), podInfo('p', c.pod), nodeWith(c.node, c.bound));
      expect(status.reasons).toEqual(c.reasons);
      expect(status.code).toBe(c.reasons.length ? 'Unschedulable' : 'Success');
    });
  }
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('scores the free share of cpu and memory after placing the pod, averaged', () => {
    // cpu: (4000-1000-1000)*100/4000 = 50; memory: (8Gi-2Gi-2Gi)*100/8Gi = 50
    const node = nodeWith({ cpu: '4', memory: '8Gi' }, [{ cpu: '1', memory: '2Gi' }]);
    expect(nodeResourcesFitPlugin.score(new CycleState(), podInfo('p', { cpu: '1', memory: '2Gi' }), node)).toBe(50);
  });
  it('counts a pod without requests as 100m and 200Mi', () => {
    const node = nodeWith({ cpu: '1', memory: '1000Mi' });
    // cpu: 900*100/1000 = 90; memory: 800*100/1000 = 80; average 85
    expect(nodeResourcesFitPlugin.score(new CycleState(), podInfo('p'), node)).toBe(85);
  });
});

describe('NodeResourcesBalancedAllocation score', () => {
  it('gives 100 when cpu and memory shares are equal', () => {
    expect(balancedAllocationPlugin.score(new CycleState(), podInfo('p', { cpu: '2', memory: '4Gi' }), nodeWith({ cpu: '4', memory: '8Gi' }))).toBe(100);
  });
  it('subtracts half the difference of the shares', () => {
    // cpu 3/4 = 0.75, memory 2/8 = 0.25: std 0.25 -> 75
    expect(balancedAllocationPlugin.score(new CycleState(), podInfo('p', { cpu: '3', memory: '2Gi' }), nodeWith({ cpu: '4', memory: '8Gi' }))).toBe(75);
  });
});
