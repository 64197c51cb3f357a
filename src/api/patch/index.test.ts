import { describe, expect, it } from 'vitest';
import {
  ApplyPatchNotHandledHere,
  applyPatch,
  assertPatchTypeSupported,
  decodePatchBody,
  isApplyPatch,
  patchMediaType,
} from './index.ts';
import type { JsonObject } from './json-value.ts';
import { podSchema } from './testdata/schemas.ts';

const pod = (): JsonObject => ({ spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }] } });
const containerPatch = { spec: { containers: [{ name: 'a', image: '3' }] } };

const BUILT_IN_415 =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml';
const CUSTOM_RESOURCE_415 =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';

describe('applyPatch', () => {
  const dispatch: { name: string; contentType: string; patch: unknown; want: JsonObject }[] = [
    {
      name: 'applies a JSON patch for application/json-patch+json',
      contentType: 'application/json-patch+json',
      patch: [{ op: 'replace', path: '/spec/containers/1/image', value: '9' }],
      want: { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '9' }] } },
    },
    {
      name: 'applies a merge patch (lists replaced) for application/merge-patch+json',
      contentType: 'application/merge-patch+json',
      patch: containerPatch,
      want: { spec: { containers: [{ name: 'a', image: '3' }] } },
    },
    {
      name: 'applies a strategic merge patch (containers merged by name) for application/strategic-merge-patch+json',
      contentType: 'application/strategic-merge-patch+json',
      patch: containerPatch,
      want: { spec: { containers: [{ name: 'a', image: '3' }, { name: 'b', image: '2' }] } },
    },
    {
      name: 'ignores a charset parameter on the content type',
      contentType: 'application/strategic-merge-patch+json; charset=utf-8',
      patch: containerPatch,
      want: { spec: { containers: [{ name: 'a', image: '3' }, { name: 'b', image: '2' }] } },
    },
  ];
  for (const c of dispatch) {
    it(c.name, () => {
      expect(applyPatch({ contentType: c.contentType, doc: pod(), patch: c.patch, schema: podSchema })).toStrictEqual(c.want);
    });
  }

  it('answers an unknown content type with 415 listing what a built-in resource accepts', () => {
    expect(() => applyPatch({ contentType: 'application/json', doc: pod(), patch: {}, schema: podSchema })).toThrow(
      expect.objectContaining({ code: 415, reason: 'UnsupportedMediaType', message: BUILT_IN_415 }),
    );
  });

  it('answers a missing content type with 415', () => {
    expect(() => applyPatch({ contentType: undefined, doc: pod(), patch: {}, schema: podSchema })).toThrow(
      expect.objectContaining({ code: 415 }),
    );
  });

  it('answers a strategic merge patch for a custom resource with 415 listing what custom resources accept', () => {
    expect(() =>
      applyPatch({ contentType: 'application/strategic-merge-patch+json', doc: pod(), patch: {}, schema: undefined }),
    ).toThrow(expect.objectContaining({ code: 415, reason: 'UnsupportedMediaType', message: CUSTOM_RESOURCE_415 }));
  });

  it('applies a merge patch to a custom resource', () => {
    expect(
      applyPatch({ contentType: 'application/merge-patch+json', doc: { spec: { a: 1 } }, patch: { spec: { b: 2 } }, schema: undefined }),
    ).toStrictEqual({ spec: { a: 1, b: 2 } });
  });

  it('leaves server-side apply to its own module with a typed error', () => {
    expect(() => applyPatch({ contentType: 'application/apply-patch+yaml', doc: pod(), patch: {}, schema: podSchema })).toThrow(
      ApplyPatchNotHandledHere,
    );
  });
});

describe('assertPatchTypeSupported', () => {
  it('accepts server-side apply for built-in and custom resources alike', () => {
    expect(() => assertPatchTypeSupported('application/apply-patch+yaml', podSchema)).not.toThrow();
    expect(() => assertPatchTypeSupported('application/apply-patch+yaml', undefined)).not.toThrow();
  });
});

describe('isApplyPatch and patchMediaType', () => {
  it('recognises an apply patch with parameters', () => {
    expect(isApplyPatch('application/apply-patch+yaml; charset=utf-8')).toBe(true);
    expect(isApplyPatch('application/merge-patch+json')).toBe(false);
  });
  it('strips parameters and keeps the case, as kube-apiserver compares it', () => {
    expect(patchMediaType('application/json-patch+json;charset=utf-8')).toBe('application/json-patch+json');
    expect(patchMediaType('Application/JSON-Patch+json')).toBe('Application/JSON-Patch+json');
  });
});

describe('decodePatchBody', () => {
  it('decodes a JSON body from text or bytes', () => {
    expect(decodePatchBody('application/merge-patch+json', '{"a":1}')).toStrictEqual({ a: 1 });
    expect(decodePatchBody('application/json-patch+json', new TextEncoder().encode('[]'))).toStrictEqual([]);
  });
  it('rejects malformed JSON in a merge patch with 400 "Invalid JSON Patch"', () => {
    expect(() => decodePatchBody('application/merge-patch+json', '{')).toThrow(
      expect.objectContaining({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' }),
    );
  });
  it('rejects malformed JSON in a strategic merge patch with 400 and the decoder message', () => {
    expect(() => decodePatchBody('application/strategic-merge-patch+json', 'nope')).toThrow(
      expect.objectContaining({ code: 400, reason: 'BadRequest' }),
    );
  });
});
