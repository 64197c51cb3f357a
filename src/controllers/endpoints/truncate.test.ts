import { describe, expect, it } from 'vitest';
import { capacityAnnotationSetCorrectly, truncateSubsets } from './truncate.ts';
import type { EndpointAddress, EndpointSubset } from './types.ts';

const addrs = (n: number, prefix: string): EndpointAddress[] => Array.from({ length: n }, (_, i) => ({ ip: `${prefix}.${i}` }));
const sizes = (subsets: EndpointSubset[]) => subsets.map((s) => [s.addresses?.length ?? 0, s.notReadyAddresses?.length ?? 0]);

describe('truncateSubsets', () => {
  const cases: { name: string; subsets: EndpointSubset[]; want: number[][]; truncated: boolean }[] = [
    { name: 'keeps subsets within capacity as they are', subsets: [{ addresses: addrs(600, 'a'), notReadyAddresses: addrs(400, 'b') }], want: [[600, 400]], truncated: false },
    { name: 'cuts not-ready addresses first', subsets: [{ addresses: addrs(900, 'a'), notReadyAddresses: addrs(300, 'b') }], want: [[900, 100]], truncated: true },
    {
      name: 'drops every not-ready address and shares ready ones by proportion when ready ones alone overflow',
      subsets: [
        { addresses: addrs(1500, 'a'), notReadyAddresses: addrs(10, 'b') },
        { addresses: addrs(500, 'c') },
      ],
      want: [[750, 0], [250, 0]],
      truncated: true,
    },
    {
      name: 'rounds each share up and gives the last subset what is left',
      subsets: [{ addresses: addrs(700, 'a') }, { notReadyAddresses: addrs(200, 'b') }, { notReadyAddresses: addrs(201, 'c') }],
      want: [[700, 0], [0, 150], [0, 150]],
      truncated: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = truncateSubsets(c.subsets);
      expect(sizes(got.subsets)).toEqual(c.want);
      expect(got.truncated).toBe(c.truncated);
    });
  }
});

describe('capacityAnnotationSetCorrectly', () => {
  it('is false while subsets are over capacity', () => {
    expect(capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, [{ addresses: addrs(1001, 'a') }])).toBe(false);
  });
  it('is false when the annotation lingers under capacity', () => {
    expect(capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, [{ addresses: addrs(10, 'a') }])).toBe(false);
  });
  it('is true under capacity without the annotation', () => {
    expect(capacityAnnotationSetCorrectly(undefined, [{ addresses: addrs(10, 'a') }])).toBe(true);
  });
});
