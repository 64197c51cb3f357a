import { describe, expect, it } from 'vitest';
import { nodeAllocatable, podRequests } from './resources.ts';
import { makeNode, makePod } from './test-builders.ts';
import type { Pod } from './types.ts';

const withContainers = (spec: Partial<Pod['spec']>): Pod => ({ ...makePod('p'), spec: { containers: [], ...spec } });
const req = (cpu: string, memory?: string) => ({ resources: { requests: { cpu, ...(memory ? { memory } : {}) } } });

describe('podRequests', () => {
  const cases: { name: string; pod: Pod; nonZero?: boolean; cpu: number; memory: number }[] = [
    { name: 'sums the requests of the containers', pod: withContainers({ containers: [{ name: 'a', ...req('100m', '1Mi') }, { name: 'b', ...req('1', '1Mi') }] }), cpu: 1100, memory: 2 * 1024 * 1024 },
    {
      name: 'takes the largest init container when it exceeds the containers',
      pod: withContainers({ containers: [{ name: 'a', ...req('100m') }], initContainers: [{ name: 'i', ...req('2') }, { name: 'j', ...req('500m') }] }),
      cpu: 2000,
      memory: 0,
    },
    {
      name: 'keeps the containers sum when init containers ask less',
      pod: withContainers({ containers: [{ name: 'a', ...req('1') }, { name: 'b', ...req('1') }], initContainers: [{ name: 'i', ...req('1500m') }] }),
      cpu: 2000,
      memory: 0,
    },
    {
      name: 'counts sidecars alongside the containers and under later init containers',
      pod: withContainers({
        containers: [{ name: 'a', ...req('1') }],
        initContainers: [{ name: 's', restartPolicy: 'Always', ...req('500m') }, { name: 'i', ...req('2') }],
      }),
      cpu: 2500,
      memory: 0,
    },
    { name: 'adds the pod overhead', pod: withContainers({ containers: [{ name: 'a', ...req('1') }], overhead: { cpu: '250m' } }), cpu: 1250, memory: 0 },
    { name: 'counts a container without requests as 100m and 200Mi when asked for non-zero requests', pod: withContainers({ containers: [{ name: 'a' }] }), nonZero: true, cpu: 100, memory: 200 * 1024 * 1024 },
    { name: 'counts a container without requests as nothing otherwise', pod: withContainers({ containers: [{ name: 'a' }] }), cpu: 0, memory: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = podRequests(c.pod, c.nonZero);
      expect([r.milliCPU, r.memory]).toEqual([c.cpu, c.memory]);
    });
  }
});

describe('nodeAllocatable', () => {
  it('reads cpu in milli-units, memory in bytes and the pod count', () => {
    const a = nodeAllocatable(makeNode('n', { cpu: '3500m', memory: '1Gi', pods: 20, extra: { 'nvidia.com/gpu': '2' } }));
    expect([a.milliCPU, a.memory, a.pods, a.scalar.get('nvidia.com/gpu')]).toEqual([3500, 1024 ** 3, 20, 2]);
  });
});
