import { describe, expect, it } from 'vitest';
import { base64Problem, decodedLength } from './base64.ts';

describe('base64Problem', () => {
  const cases: Array<[string, string, string]> = [
    ['accepts padded data', 'YQ==', ''],
    ['accepts data without padding need', 'YWJj', ''],
    ['accepts an empty value', '', ''],
    ['points at the first character outside the alphabet', 'YW!j', 'illegal base64 data at input byte 2'],
    ['rejects a missing padding', 'YQ', 'illegal base64 data at input byte 0'],
  ];
  it.each(cases)('%s (%j)', (_name, text, expected) => {
    expect(base64Problem(text)).toBe(expected);
  });

  it('measures the decoded size', () => {
    expect(decodedLength('YQ==')).toBe(1);
    expect(decodedLength('YWJj')).toBe(3);
  });
});
