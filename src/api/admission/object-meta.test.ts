import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { validateObjectMeta, validateObjectMetaUpdate, type ObjectMetaRules } from './object-meta.ts';
import { lines } from './test-objects.ts';

const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Message =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const namespacedSubdomain: ObjectMetaRules = { namespaced: true, nameRule: 'dns1123Subdomain' };
const obj = (metadata: Record<string, unknown>): KubeObject => ({ metadata });

describe('validateObjectMeta', () => {
  const cases: Array<[string, Record<string, unknown>, ObjectMetaRules, string[]]> = [
    ['accepts a valid name in a namespace', { name: 'web.v1', namespace: 'default' }, namespacedSubdomain, []],
    ['rejects an underscore in a subdomain name', { name: 'Foo_Bar', namespace: 'default' }, namespacedSubdomain, [`metadata.name: Invalid value: "Foo_Bar": ${subdomainMessage}`]],
    ['requires a name or generateName', { namespace: 'default' }, namespacedSubdomain, ['metadata.name: Required value: name or generateName is required']],
    ['accepts generateName ending in a dash', { generateName: 'web-', namespace: 'default' }, namespacedSubdomain, []],
    ['requires a namespace for namespaced kinds', { name: 'web' }, namespacedSubdomain, ['metadata.namespace: Required value']],
    ['forbids a namespace on cluster-scoped kinds', { name: 'web', namespace: 'x' }, { namespaced: false, nameRule: 'dns1123Subdomain' }, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['rejects a dot in a namespace name (DNS label)', { name: 'a.b' }, { namespaced: false, nameRule: 'dns1123Label' }, [`metadata.name: Invalid value: "a.b": ${labelMessage}`]],
    ['rejects a service name starting with a digit (DNS-1035)', { name: '1web', namespace: 'default' }, { namespaced: true, nameRule: 'dns1035Label' }, [`metadata.name: Invalid value: "1web": ${dns1035Message}`]],
    ['accepts a colon in an RBAC name (path segment)', { name: 'system:controller:x' }, { namespaced: false, nameRule: 'pathSegment' }, []],
    ['rejects a slash in an RBAC name', { name: 'a/b' }, { namespaced: false, nameRule: 'pathSegment' }, [`metadata.name: Invalid value: "a/b": may not contain '/'`]],
    [
      'rejects a label value longer than 63 characters',
      { name: 'web', namespace: 'default', labels: { app: 'x'.repeat(64) } },
      namespacedSubdomain,
      [`metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`],
    ],
    [
      'rejects a label key with two slashes',
      { name: 'web', namespace: 'default', labels: { 'a/b/c': 'x' } },
      namespacedSubdomain,
      [
        `metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
    [
      'rejects annotations over 256 KiB in total',
      { name: 'web', namespace: 'default', annotations: { big: 'x'.repeat(256 * 1024) } },
      namespacedSubdomain,
      ['metadata.annotations: Too long: may not be more than 262144 bytes'],
    ],
  ];
  it.each(cases)('%s', (_name, metadata, rules, expected) => {
    expect(lines(validateObjectMeta(obj(metadata), rules))).toEqual(expected);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old = obj({ name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z' });
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts an unchanged identity', { name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z' }, []],
    ['rejects a changed uid', { name: 'web', namespace: 'default', uid: 'u2', creationTimestamp: '2024-01-01T00:00:00Z' }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    ['rejects a changed name', { name: 'web2', namespace: 'default', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z' }, ['metadata.name: Invalid value: "web2": field is immutable']],
    [
      'rejects a changed creationTimestamp',
      { name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2025-01-01T00:00:00Z' },
      ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable'],
    ],
  ];
  it.each(cases)('%s', (_name, metadata, expected) => {
    expect(lines(validateObjectMetaUpdate(obj(metadata), old))).toEqual(expected);
  });

  it('forbids new finalizers on an object being deleted', () => {
    const deleting = obj({ name: 'web', deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x'] });
    const next = obj({ name: 'web', deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x', 'b.io/y'] });
    expect(lines(validateObjectMetaUpdate(next, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });
});
