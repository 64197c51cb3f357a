import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, resolveFenceposts, scaledValue } from './fenceposts.ts';
import type { Deployment } from './types.ts';

describe('resolveFenceposts()', () => {
  const cases: { name: string; maxSurge?: number | string; maxUnavailable?: number | string; desired: number; want: { surge: number; unavailable: number } }[] = [
    { name: 'rounds a surge percentage up and an unavailable one down', maxSurge: '25%', maxUnavailable: '25%', desired: 10, want: { surge: 3, unavailable: 2 } },
    { name: 'takes the 25% defaults', desired: 4, want: { surge: 1, unavailable: 1 } },
    { name: 'keeps absolute numbers', maxSurge: 2, maxUnavailable: 0, desired: 10, want: { surge: 2, unavailable: 0 } },
    { name: 'turns 0 and 0 into one unavailable pod', maxSurge: 0, maxUnavailable: 0, desired: 3, want: { surge: 0, unavailable: 1 } },
    { name: 'turns percentages that round to zero into one unavailable pod', maxSurge: '0%', maxUnavailable: '10%', desired: 5, want: { surge: 0, unavailable: 1 } },
  ];
  for (const c of cases) it(c.name, () => expect(resolveFenceposts(c)).toEqual(c.want));
});

describe('scaledValue()', () => {
  it('rejects a string that is not a percentage', () => expect(() => scaledValue('abc', 10, true)).toThrow(/not a percentage/));
});

function deployment(spec: Partial<Deployment['spec']>): Deployment {
  return { metadata: { name: 'd' }, spec: { replicas: 3, ...spec } };
}

describe('maxSurge() and maxUnavailable()', () => {
  it('are zero for a Recreate deployment', () => {
    const d = deployment({ strategy: { type: 'Recreate' } });
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0]);
  });
  it('cap unavailable at the replica count', () => {
    expect(maxUnavailable(deployment({ replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 5 } } }))).toBe(2);
  });
  it('answer no unavailable pods for a deployment of zero replicas', () => {
    expect(maxUnavailable(deployment({ replicas: 0 }))).toBe(0);
  });
});
