import { describe, expect, it } from 'vitest';
import { fromLabelSelector, parseLabelSelector, SelectorError, type ApiLabelSelector } from './label-selector.ts';

const keyRegexMessage =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueRegexMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector() reads the string form as labels.Parse', () => {
  const cases: Array<{ name: string; input: string; canonical: string }> = [
    { name: 'an empty string selects everything', input: '', canonical: '' },
    { name: 'blanks alone select everything', input: '   ', canonical: '' },
    { name: 'equality terms come back sorted by key', input: 'y=b,x=a', canonical: 'x=a,y=b' },
    { name: 'double equals keeps its spelling', input: 'x==a', canonical: 'x==a' },
    { name: 'inequality', input: 'x!=a', canonical: 'x!=a' },
    { name: 'set values are sorted and de-duplicated', input: 'x in (b,a,b)', canonical: 'x in (a,b)' },
    { name: 'notin', input: 'x notin (z)', canonical: 'x notin (z)' },
    { name: 'a bare key means exists', input: 'x', canonical: 'x' },
    { name: 'a bang means does not exist', input: '!x', canonical: '!x' },
    { name: 'greater and less than', input: 'a>1,b<20', canonical: 'a>1,b<20' },
    { name: 'an empty exact value', input: 'x=', canonical: 'x=' },
    { name: 'empty parentheses hold the empty value', input: 'x in ()', canonical: 'x in ()' },
    { name: 'keywords are plain words inside a value list', input: 'x in (in,notin)', canonical: 'x in (in,notin)' },
    { name: 'blanks around operators are skipped', input: ' x = a , y ', canonical: 'x=a,y' },
    { name: 'prefixed keys', input: 'example.com/app=web', canonical: 'example.com/app=web' },
    { name: 'every kind together', input: 'a=b,c!=d,e in (x,y),f notin (z),g,!h', canonical: 'a=b,c!=d,e in (x,y),f notin (z),g,!h' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(parseLabelSelector(c.input).toString()).toBe(c.canonical));
  }
});

describe('LabelSelector.matches() applies each operator as upstream', () => {
  const labels = { app: 'web', tier: 'front', replicas: '3' };
  const cases: Array<{ selector: string; matches: boolean }> = [
    { selector: '', matches: true },
    { selector: 'app=web', matches: true },
    { selector: 'app==db', matches: false },
    { selector: 'app!=db', matches: true },
    { selector: 'missing!=x', matches: true },
    { selector: 'tier in (front,back)', matches: true },
    { selector: 'missing in (a)', matches: false },
    { selector: 'tier notin (front)', matches: false },
    { selector: 'missing notin (a)', matches: true },
    { selector: 'app', matches: true },
    { selector: '!app', matches: false },
    { selector: '!missing', matches: true },
    { selector: 'replicas>2', matches: true },
    { selector: 'replicas<3', matches: false },
    { selector: 'app>1', matches: false },
    { selector: 'missing=', matches: false },
    { selector: 'app=web,tier=back', matches: false },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.selector)} ${c.matches ? 'matches' : 'does not match'}`, () => {
      expect(parseLabelSelector(c.selector).matches(labels)).toBe(c.matches);
    });
  }
});

describe('parseLabelSelector() rejects bad selectors with upstream messages', () => {
  const cases: Array<{ name: string; input: string; message: string }> = [
    { name: 'a trailing comma', input: 'x=a,', message: "found '', expected: identifier after ','" },
    { name: 'two words without a comma', input: 'x=a b', message: "found 'b', expected: ',' or 'end of string'" },
    { name: 'an operator first', input: '=a', message: "found '=', expected: !, identifier, or 'end of string'" },
    { name: 'a set without parentheses', input: 'x in a', message: "unable to parse requirement: found 'a' expected: '('" },
    { name: 'a missing operator', input: 'x y', message: "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt" },
    { name: 'an unclosed set', input: 'x in (a', message: "unable to parse requirement: found '', expected: ',' or ')'" },
    { name: 'a parenthesis as exact value', input: 'x=(a)', message: "unable to parse requirement: found '(', expected: identifier" },
    {
      name: 'a non-integer bound',
      input: 'x>a',
      message: `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    },
    { name: 'an invalid key', input: 'a$b=c', message: `unable to parse requirement: <nil>: Invalid value: "a$b": ${keyRegexMessage}` },
    { name: 'an invalid value', input: 'x=a$', message: `unable to parse requirement: values[0][x]: Invalid value: "a$": ${valueRegexMessage}` },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      let caught: unknown;
      try {
        parseLabelSelector(c.input);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(SelectorError);
      expect((caught as SelectorError).message).toBe(c.message);
      expect((caught as SelectorError).code).toBe(400);
    });
  }
});

describe('fromLabelSelector() converts metav1.LabelSelector as LabelSelectorAsSelector', () => {
  it('selects nothing when the selector is missing', () => {
    const s = fromLabelSelector(undefined);
    expect(s.matches({})).toBe(false);
    expect(s.toString()).toBe('');
  });

  it('selects everything when the selector is empty', () => {
    expect(fromLabelSelector({}).matches({ any: 'thing' })).toBe(true);
  });

  const cases: Array<{ name: string; selector: ApiLabelSelector; canonical: string }> = [
    { name: 'matchLabels become sorted equality terms', selector: { matchLabels: { b: '2', a: '1' } }, canonical: 'a=1,b=2' },
    {
      name: 'expressions of every operator',
      selector: {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'debug', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'NotIn', values: ['a'] },
          { key: 'app', operator: 'Exists', values: [] },
        ],
      },
      canonical: 'app,!debug,env in (dev,prod),zone notin (a)',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(fromLabelSelector(c.selector).toString()).toBe(c.canonical));
  }

  const errors: Array<{ name: string; selector: ApiLabelSelector; message: string }> = [
    { name: 'an unknown operator', selector: { matchExpressions: [{ key: 'a', operator: 'Foo' }] }, message: '"Foo" is not a valid label selector operator' },
    {
      name: 'In without values',
      selector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    },
    {
      name: 'Exists with values',
      selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      message: 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    },
    { name: 'an invalid key', selector: { matchLabels: { 'a b': 'x' } }, message: `key: Invalid value: "a b": ${keyRegexMessage}` },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => expect(() => fromLabelSelector(c.selector)).toThrow(c.message));
  }
});

describe('LabelSelector.requiresExactMatch()', () => {
  it('names the pinned value of an equality or one-value set', () => {
    expect(parseLabelSelector('a=1,b in (2),c in (3,4),d!=5').requiresExactMatch('a')).toBe('1');
    expect(parseLabelSelector('a=1,b in (2),c in (3,4),d!=5').requiresExactMatch('b')).toBe('2');
    expect(parseLabelSelector('a=1,b in (2),c in (3,4),d!=5').requiresExactMatch('c')).toBeUndefined();
    expect(parseLabelSelector('a=1,b in (2),c in (3,4),d!=5').requiresExactMatch('d')).toBeUndefined();
  });
});
