import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import type { JsonObject } from './json-value.ts';
import { applyMergePatch } from './merge-patch.ts';

const cases: { name: string; doc: JsonObject; patch: unknown; want: JsonObject }[] = [
  {
    name: 'removes a label with null and keeps the others',
    doc: { metadata: { labels: { a: '1', b: '2' } } },
    patch: { metadata: { labels: { a: null } } },
    want: { metadata: { labels: { b: '2' } } },
  },
  {
    name: 'merges nested objects key by key',
    doc: { spec: { replicas: 1, selector: { app: 'web' } } },
    patch: { spec: { replicas: 3 } },
    want: { spec: { replicas: 3, selector: { app: 'web' } } },
  },
  {
    name: 'replaces lists whole, even merging ones such as containers',
    doc: { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }] } },
    patch: { spec: { containers: [{ name: 'a', image: '3' }] } },
    want: { spec: { containers: [{ name: 'a', image: '3' }] } },
  },
  {
    name: 'drops nulls inside a new object (RFC 7386 merging into nothing)',
    doc: { spec: {} },
    patch: { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } },
    want: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'ignores null for a key the object does not have',
    doc: { a: 1 },
    patch: { b: null },
    want: { a: 1 },
  },
  {
    name: 'replaces an object with a scalar and a scalar with an object',
    doc: { a: { b: 1 }, c: 'x' },
    patch: { a: 'flat', c: { d: 1 } },
    want: { a: 'flat', c: { d: 1 } },
  },
  {
    name: 'keeps strategic merge directives as plain keys (they mean nothing here)',
    doc: { a: [1] },
    patch: { '$setElementOrder/a': [1] },
    want: { a: [1], '$setElementOrder/a': [1] },
  },
  { name: 'changes nothing with an empty object', doc: { a: 1 }, patch: {}, want: { a: 1 } },
];

describe('applyMergePatch', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(applyMergePatch(c.doc, c.patch)).toStrictEqual(c.want);
    });
  }

  for (const [what, patch] of [
    ['null', null],
    ['a list', [{ a: 1 }]],
    ['a string', 'x'],
    ['a number', 5],
  ] as const) {
    it(`rejects a patch that is ${what} with 400 "Invalid JSON Patch"`, () => {
      expect(() => applyMergePatch({ a: 1 }, patch)).toThrow(
        expect.objectContaining({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' }),
      );
      expect(() => applyMergePatch({ a: 1 }, patch)).toThrow(StatusError);
    });
  }

  it('keeps a __proto__ key from a request body as a member, not a prototype', () => {
    const result = applyMergePatch({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toStrictEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('changes neither the object nor the patch', () => {
    const doc = { metadata: { labels: { a: '1' } }, spec: { list: [1] } };
    const patch = { metadata: { labels: { a: null, b: '2' } }, spec: { list: [2], extra: { x: null } } };
    const result = applyMergePatch(doc, patch);
    expect(doc).toStrictEqual({ metadata: { labels: { a: '1' } }, spec: { list: [1] } });
    expect(patch).toStrictEqual({ metadata: { labels: { a: null, b: '2' } }, spec: { list: [2], extra: { x: null } } });
    expect(result).toStrictEqual({ metadata: { labels: { b: '2' } }, spec: { list: [2], extra: {} } });
  });
});
