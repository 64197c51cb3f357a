import { describe, expect, it } from 'vitest';
import { memoryApi } from './api-harness.ts';
import { handleCreate } from '../../src/api/handlers/create.ts';
import { StatusError } from '../../src/api/errors.ts';

const CMS = '/api/v1/namespaces/default/configmaps';
const body = (extra: string) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"1"}${extra}}`;

describe('fieldValidation', () => {
  it('refuses unknown and duplicate fields with Strict, naming them as kube-apiserver does', async () => {
    const api = await memoryApi();
    const err = await handleCreate(api.deps, api.request('POST', `${CMS}?fieldValidation=Strict`, { body: body(',"data":{"b":"2"},"bogus":1') })).catch((e) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect(err.code).toBe(400);
    expect(err.message).toBe('strict decoding error: duplicate field "data", unknown field "bogus"');
  });

  it('warns about unknown fields by default and drops them from the stored object', async () => {
    const api = await memoryApi();
    const r = await handleCreate(api.deps, api.request('POST', CMS, { body: body(',"bogus":1') }));
    expect(r.warnings).toEqual(['unknown field "bogus"']);
    const stored = typeof r.body === 'string' ? JSON.parse(r.body) : r.body;
    expect(stored.bogus).toBeUndefined();
  });

  it('says nothing with Ignore, and still drops the unknown field', async () => {
    const api = await memoryApi();
    const r = await handleCreate(api.deps, api.request('POST', `${CMS}?fieldValidation=Ignore`, { body: body(',"bogus":1') }));
    expect(r.warnings).toEqual([]);
    expect(JSON.parse(r.body as string).bogus).toBeUndefined();
  });

  it('rejects an unsupported fieldValidation value with 400', async () => {
    const api = await memoryApi();
    const err = await handleCreate(api.deps, api.request('POST', `${CMS}?fieldValidation=Loose`, { body: body('') })).catch((e) => e);
    expect(err.code).toBe(400);
  });
});
