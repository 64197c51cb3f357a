import { describe, expect, it } from 'vitest';
import { prefixRange } from './prefix-range.ts';

describe('prefixRange', () => {
  const cases = [
    { name: 'bumps the last character of a storage prefix', prefix: '/registry/pods/', range: { from: '/registry/pods/', to: '/registry/pods0' } },
    { name: 'covers every key for the empty prefix', prefix: '', range: { from: '' } },
    { name: 'skips trailing characters that cannot be bumped', prefix: 'a\uffff', range: { from: 'a\uffff', to: 'b' } },
  ];
  for (const { name, prefix, range } of cases) {
    it(name, () => expect(prefixRange(prefix)).toEqual(range));
  }
});
