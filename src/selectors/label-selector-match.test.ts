import { describe, expect, it } from 'vitest';
import { isEmptySelector, selectorMatches, type LabelSelector } from './label-selector-match.ts';

describe('selectorMatches()', () => {
  const cases: { name: string; selector: LabelSelector | undefined; labels: Record<string, string>; want: boolean }[] = [
    { name: 'matches when every matchLabels entry is present', selector: { matchLabels: { app: 'web' } }, labels: { app: 'web', tier: 'x' }, want: true },
    { name: 'rejects a different value', selector: { matchLabels: { app: 'web' } }, labels: { app: 'db' }, want: false },
    { name: 'In needs the key with one of the values', selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }] }, labels: { env: 'b' }, want: true },
    { name: 'In rejects a missing key', selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['a'] }] }, labels: {}, want: false },
    { name: 'NotIn accepts a missing key', selector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a'] }] }, labels: {}, want: true },
    { name: 'NotIn rejects a listed value', selector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a'] }] }, labels: { env: 'a' }, want: false },
    { name: 'Exists needs the key', selector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels: { env: '' }, want: true },
    { name: 'DoesNotExist rejects the key', selector: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels: { env: '' }, want: false },
    { name: 'an empty selector matches everything', selector: {}, labels: { a: 'b' }, want: true },
    { name: 'a missing selector matches nothing', selector: undefined, labels: { a: 'b' }, want: false },
  ];
  for (const c of cases) it(c.name, () => expect(selectorMatches(c.selector, c.labels)).toBe(c.want));
});

describe('isEmptySelector()', () => {
  it('calls a selector without requirements empty', () => expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true));
  it('calls a selector with a label not empty', () => expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false));
});
