/**
 * configmaps and secrets: key formats, the 1 MiB size limit, `immutable: true`, the typed
 * secrets' required keys, and stringData folded into data (as the v1 -> internal conversion).
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject, deepEqual, type Json } from './json-access.ts';
import { forbidden, immutable, invalid, key, required, tooLong, typeInvalid } from './field-errors.ts';
import { isConfigMapKey } from './name-rules.ts';
import { base64Problem, decodedLength } from './base64.ts';
import { defineStrategy } from './strategy.ts';

/** Upstream core.MaxSecretSize, also the ConfigMap limit. */
export const maxDataSize = 1024 * 1024;

const encoder = new TextEncoder();

function validateKeys(map: Json | undefined, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const k of Object.keys(map ?? {})) for (const msg of isConfigMapKey(k)) causes.push(invalid(key(field, k), k, msg));
  return causes;
}

function validateConfigMap(obj: KubeObject): StatusCause[] {
  const data = asObject(obj.data);
  const binary = asObject(obj.binaryData);
  const causes = [...validateKeys(data, 'data'), ...validateKeys(binary, 'binaryData')];
  let size = 0;
  for (const [k, v] of Object.entries(data ?? {})) {
    size += encoder.encode(String(v)).length;
    if (binary && Object.hasOwn(binary, k)) causes.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
  }
  for (const [k, v] of Object.entries(binary ?? {})) {
    const problem = base64Problem(String(v));
    if (problem) causes.push(typeInvalid(key('binaryData', k), '<value omitted>', problem));
    else size += decodedLength(String(v));
  }
  if (size > maxDataSize) causes.push(tooLong('', maxDataSize));
  return causes;
}

/** As upstream: once `immutable: true` is stored, data and the flag itself are frozen. */
function validateImmutable(obj: KubeObject, old: KubeObject, fields: string[]): StatusCause[] {
  if (old.immutable !== true) return [];
  const causes: StatusCause[] = [];
  if (obj.immutable !== true) causes.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const field of fields) {
    if (!deepEqual(obj[field] ?? {}, old[field] ?? {})) causes.push(forbidden(field, 'field is immutable when `immutable` is set'));
  }
  return causes;
}

export const configMapStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate: validateConfigMap,
  validateUpdate: (obj, old) => validateImmutable(obj, old, ['data', 'binaryData']),
});

/** Keys each built-in secret type requires, as upstream ValidateSecret. */
const requiredSecretKeys: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function toBase64(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function defaultSecret(obj: Json): void {
  if (!obj.type) obj.type = 'Opaque';
  const stringData = asObject(obj.stringData);
  if (stringData) {
    const data = asObject(obj.data) ?? {};
    for (const [k, v] of Object.entries(stringData)) data[k] = toBase64(String(v));
    obj.data = data;
    delete obj.stringData;
  }
}

function validateSecret(obj: KubeObject): StatusCause[] {
  const data = asObject(obj.data) ?? {};
  const causes = validateKeys(data, 'data');
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    const problem = base64Problem(String(v));
    if (problem) causes.push(typeInvalid(key('data', k), '<value omitted>', problem));
    else size += decodedLength(String(v));
  }
  if (size > maxDataSize) causes.push(tooLong('data', maxDataSize));
  const type = String(obj.type ?? 'Opaque');
  for (const name of requiredSecretKeys[type] ?? []) if (!Object.hasOwn(data, name)) causes.push(required(key('data', name)));
  if (type === 'kubernetes.io/service-account-token' && !obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
    causes.push(required(key('metadata.annotations', 'kubernetes.io/service-account.name')));
  }
  if (type === 'kubernetes.io/basic-auth' && !Object.hasOwn(data, 'username') && !Object.hasOwn(data, 'password')) {
    causes.push(required(key('data', 'username')));
    causes.push(required(key('data', 'password')));
  }
  return causes;
}

export const secretStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaultSecret(obj as Json),
  validate: validateSecret,
  validateUpdate: (obj, old) => {
    const causes = validateImmutable(obj, old, ['data']);
    if ((obj.type ?? 'Opaque') !== (old.type ?? 'Opaque')) causes.push(immutable('type', obj.type ?? ''));
    return causes;
  },
  fieldLabels: (obj) => ({ type: String(obj.type ?? '') }),
});
