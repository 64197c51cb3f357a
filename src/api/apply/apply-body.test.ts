import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import { parseApplyBody, validatePatchOptions, type PatchOptionsToValidate } from './apply-body.ts';

function failure(run: () => unknown): StatusError {
  try {
    run();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
}

describe('parseApplyBody', () => {
  const cases: Array<{ name: string; text: string; want: unknown }> = [
    { name: 'reads YAML with YAML 1.1 scalars as upstream does', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  mode: "0644"\nflag: yes\nperm: 0644\n', want: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { mode: '0644' }, flag: true, perm: 420 } },
    { name: 'reads JSON', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', want: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } },
    { name: 'keeps timestamps as strings', text: 'apiVersion: v1\nkind: X\nmetadata: {}\nwhen: 2024-01-01T00:00:00Z\n', want: { apiVersion: 'v1', kind: 'X', metadata: {}, when: '2024-01-01T00:00:00Z' } },
    { name: 'reads an empty body as an empty object', text: '  \n', want: { metadata: {} } },
  ];
  for (const c of cases) it(c.name, () => expect(parseApplyBody(c.text)).toEqual(c.want));

  it('answers 400 for a body that is not a map', () => {
    const err = failure(() => parseApplyBody('- a\n- b\n'));
    expect(err.code).toBe(400);
    expect(err.message).toMatch(/^error decoding YAML: /);
  });

  it('answers 400 for broken YAML', () => expect(failure(() => parseApplyBody('a: [')).code).toBe(400));
});

describe('validatePatchOptions', () => {
  const cases: Array<{ name: string; options: PatchOptionsToValidate; message?: string }> = [
    {
      name: 'requires a fieldManager for apply, as kube-apiserver',
      options: { patchType: 'apply' },
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    },
    {
      name: 'forbids force outside apply',
      options: { patchType: 'merge', force: true },
      message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    },
    { name: 'accepts an apply with a field manager', options: { patchType: 'apply', fieldManager: 'kubectl', force: true } },
    { name: 'accepts a merge patch without one', options: { patchType: 'merge' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (!c.message) return expect(() => validatePatchOptions(c.options)).not.toThrow();
      const err = failure(() => validatePatchOptions(c.options));
      expect(err.code).toBe(422);
      expect(err.message).toBe(c.message);
    });
  }

  it('refuses a field manager longer than 128 characters', () => {
    expect(failure(() => validatePatchOptions({ patchType: 'apply', fieldManager: 'x'.repeat(129) })).details?.causes?.[0].field).toBe('fieldManager');
  });
});
