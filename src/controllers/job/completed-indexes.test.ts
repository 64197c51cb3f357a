import { describe, expect, it } from 'vitest';
import { formatIndexes, parseIndexes } from './completed-indexes.ts';

describe('completed indexes', () => {
  it.each([
    ['writes nothing for no indexes', [], ''],
    ['writes single indexes with commas', [0, 2, 4], '0,2,4'],
    ['writes consecutive runs as ranges, pairs included', [1, 3, 4, 5, 7, 8], '1,3-5,7-8'],
    ['sorts and removes duplicates', [5, 1, 5, 2], '1-2,5'],
  ])('%s', (_name, indexes, text) => {
    expect(formatIndexes(indexes)).toBe(text);
    expect([...parseIndexes(text, 100)].sort((a, b) => a - b)).toEqual([...new Set(indexes)].sort((a, b) => a - b));
  });

  it('drops indexes at or beyond completions when parsing', () => {
    expect([...parseIndexes('1,3-6', 5)]).toEqual([1, 3, 4]);
  });
});
