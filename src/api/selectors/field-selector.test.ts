import { describe, expect, it } from 'vitest';
import { parseFieldSelector, SelectorError } from './field-selector.ts';

describe('parseFieldSelector() reads terms as fields.ParseSelector', () => {
  const cases: Array<{ name: string; input: string; canonical: string }> = [
    { name: 'an empty string selects everything', input: '', canonical: '' },
    { name: 'one equality', input: 'metadata.name=web', canonical: 'metadata.name=web' },
    { name: 'double equals reads as equals', input: 'a==b', canonical: 'a=b' },
    { name: 'inequality', input: 'status.phase!=Running', canonical: 'status.phase!=Running' },
    { name: 'terms come back sorted', input: 'b=2,a=1', canonical: 'a=1,b=2' },
    { name: 'empty terms are skipped', input: 'a=1,,b=2', canonical: 'a=1,b=2' },
    { name: 'escaped commas and equals stay in the value', input: 'a=x\\,y\\=z\\\\', canonical: 'a=x\\,y\\=z\\\\' },
    { name: 'an empty value', input: 'spec.nodeName=', canonical: 'spec.nodeName=' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(parseFieldSelector(c.input).toString()).toBe(c.canonical));
  }

  it('unescapes values', () => {
    expect(parseFieldSelector('a=x\\,y').requirements[0]).toEqual({ field: 'a', operator: '=', value: 'x,y' });
  });
});

describe('FieldSelector.matches()', () => {
  const fields = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const cases: Array<{ selector: string; matches: boolean }> = [
    { selector: '', matches: true },
    { selector: 'metadata.name=web', matches: true },
    { selector: 'metadata.name=db', matches: false },
    { selector: 'status.phase!=Failed', matches: true },
    { selector: 'status.phase!=Running', matches: false },
    { selector: 'spec.nodeName=', matches: true },
    { selector: 'spec.nodeName!=', matches: false },
    { selector: 'metadata.name=web,status.phase=Pending', matches: false },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.selector)} ${c.matches ? 'matches' : 'does not match'}`, () => {
      expect(parseFieldSelector(c.selector).matches(fields)).toBe(c.matches);
    });
  }
});

describe('parseFieldSelector() rejects bad selectors with upstream messages', () => {
  const cases: Array<{ name: string; input: string; message: string }> = [
    { name: 'a term without operator', input: 'a=b,c', message: "invalid selector: 'a=b,c'; can't understand 'c'" },
    { name: 'an unescaped equals in a value', input: 'a=b=c', message: 'invalid field selector: unescaped character in value: 61' },
    { name: 'an unknown escape', input: 'a=b\\x', message: 'invalid field selector: invalid escape sequence: \\x' },
    { name: 'a trailing backslash', input: 'a=b\\', message: 'invalid field selector: invalid escape sequence: \\' },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      expect(() => parseFieldSelector(c.input)).toThrow(SelectorError);
      expect(() => parseFieldSelector(c.input)).toThrow(c.message);
    });
  }
});

describe('FieldSelector.validate()', () => {
  const supported = new Set(['metadata.name', 'metadata.namespace', 'spec.nodeName']);

  it('accepts fields the resource supports', () => {
    expect(() => parseFieldSelector('metadata.name=a,spec.nodeName=n').validate(supported)).not.toThrow();
  });

  it('rejects the first unsupported field as a 400', () => {
    let caught: unknown;
    try {
      parseFieldSelector('spec.foo=x,metadata.name=a,status.zzz=1').validate(supported);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SelectorError);
    expect((caught as SelectorError).message).toBe('field label not supported: spec.foo');
    expect((caught as SelectorError).code).toBe(400);
  });

  it('names the value a field is pinned to', () => {
    expect(parseFieldSelector('spec.nodeName=n1').requiresExactMatch('spec.nodeName')).toBe('n1');
    expect(parseFieldSelector('spec.nodeName!=n1').requiresExactMatch('spec.nodeName')).toBeUndefined();
  });
});
