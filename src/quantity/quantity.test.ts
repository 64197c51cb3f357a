import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, quantityFormatError, quantitySuffixError } from './quantity.ts';

describe('canonicalQuantity', () => {
  const cases: Array<[string, string | number, string]> = [
    ['keeps milli-units as they are', '100m', '100m'],
    ['keeps a binary suffix', '1Gi', '1Gi'],
    ['keeps an exponent form', '1e3', '1e3'],
    ['turns a half into milli-units', '0.5', '500m'],
    ['folds trailing zeros into a decimal suffix', '1000', '1k'],
    ['folds 1000k into 1M', '1000k', '1M'],
    ['folds 1024Mi into 1Gi', '1024Mi', '1Gi'],
    ['prints a fractional binary value with the next smaller suffix', '1.5Gi', '1536Mi'],
    ['prints a binary value below 1024 as a plain decimal', '0.5Ki', '512'],
    ['prints zero as 0 whatever its suffix', '0Mi', '0'],
    ['keeps a negative value', '-100m', '-100m'],
    ['rounds sub-nano precision up to 1n', '0.0000000001', '1n'],
    ['accepts a JSON number', 2, '2'],
    ['accepts a leading dot', '.5', '500m'],
    ['accepts a trailing dot', '5.', '5'],
    ['keeps a decimal fraction of a binary value that is not whole', '1.0001Ki', '1024102400u'],
    ['moves an exponent to a multiple of three', '12e4', '120e3'],
    ['uses milli for a negative exponent', '1e-3', '1e-3'],
  ];
  it.each(cases)('%s (%s -> %s)', (_name, input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });
});

describe('parseQuantity', () => {
  const bad: Array<[string, string, string]> = [
    ['rejects an empty string', '', quantityFormatError],
    ['rejects a lone dot', '.', quantityFormatError],
    ['rejects letters before digits', 'abc', quantityFormatError],
    ['rejects an unknown suffix made of suffix letters', '1Ki2', quantitySuffixError],
    ['rejects a space inside', '1 Gi', quantityFormatError],
  ];
  it.each(bad)('%s (%j)', (_name, input, message) => {
    expect(() => parseQuantity(input)).toThrow(message);
  });

  it('compares values across suffixes', () => {
    expect(parseQuantity('1Gi').compare(parseQuantity('1G'))).toBe(1);
    expect(parseQuantity('500m').compare(parseQuantity('0.5'))).toBe(0);
  });

  it('gives milli values rounded up', () => {
    expect(parseQuantity('1').milli()).toBe(1000n);
    expect(parseQuantity('1n').milli()).toBe(1n);
  });
});
