import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { builtinStrategies } from './index.ts';
import { lines, namespaced } from './test-objects.ts';

const configMaps = builtinStrategies.configmaps!;
const secrets = builtinStrategies.secrets!;

function create(resource: string, obj: KubeObject): string[] {
  const strategy = builtinStrategies[resource]!;
  strategy.defaults?.(obj);
  return lines(strategy.validateCreate!(obj));
}

describe('configmaps', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts dotted, dashed and underscored keys', { data: { 'app.conf': 'x', KEY_NAME: 'y', 'a-b': 'z' } }, []],
    [
      'rejects a key with a slash',
      { data: { 'a/b': 'x' } },
      [
        `data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      ],
    ],
    ['rejects a key of two dots', { data: { '..': 'x' } }, [`data[..]: Invalid value: "..": must not be '..'`]],
    ['rejects a key present in data and binaryData', { data: { k: 'x' }, binaryData: { k: 'eA==' } }, ['data[k]: Invalid value: "k": duplicate of key present in binaryData']],
    ['rejects more than 1 MiB of data', { data: { big: 'x'.repeat(1024 * 1024 + 1) } }, ['Too long: may not be more than 1048576 bytes']],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(create('configmaps', namespaced('v1', 'ConfigMap', body))).toEqual(expected);
  });

  it('freezes data once immutable is set', () => {
    const old = namespaced('v1', 'ConfigMap', { data: { a: '1' }, immutable: true });
    const next = namespaced('v1', 'ConfigMap', { data: { a: '2' }, immutable: true });
    expect(lines(configMaps.validateUpdate!(next, old))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('secrets', () => {
  it('defaults the type to Opaque and folds stringData into data', () => {
    const obj = namespaced('v1', 'Secret', { data: { a: 'YQ==' }, stringData: { b: 'héllo' } });
    secrets.defaults!(obj);
    expect(obj).toMatchObject({ type: 'Opaque', data: { a: 'YQ==', b: Buffer.from('héllo').toString('base64') } });
    expect(obj).not.toHaveProperty('stringData');
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts base64 data', { data: { password: 'c2VjcmV0' } }, []],
    ['requires tls.crt and tls.key for a TLS secret', { type: 'kubernetes.io/tls', data: {} }, ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    [
      'requires the service account annotation on a token secret',
      { type: 'kubernetes.io/service-account-token' },
      ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    ],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(create('secrets', namespaced('v1', 'Secret', body))).toEqual(expected);
  });

  it('rejects data that is not base64, as a decoding failure', () => {
    expect(create('secrets', namespaced('v1', 'Secret', { data: { a: 'not base64!' } }))).toEqual([
      'data[a]: Invalid value: "<value omitted>": illegal base64 data at input byte 3',
    ]);
  });

  it('rejects a changed type', () => {
    const old = namespaced('v1', 'Secret', { type: 'Opaque' });
    const next = namespaced('v1', 'Secret', { type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } });
    expect(lines(secrets.validateUpdate!(next, old))).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });

  it('selects secrets by type', () => {
    expect(secrets.fieldLabels!(namespaced('v1', 'Secret', { type: 'Opaque' }))).toEqual({ type: 'Opaque' });
  });
});
