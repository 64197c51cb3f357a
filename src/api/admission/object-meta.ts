/**
 * metadata validation shared by every kind, as upstream's ValidateObjectMeta /
 * ValidateObjectMetaUpdate (k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject, ObjectMeta } from '../meta/object.ts';
import { forbidden, immutable, invalid, required, tooLong, type FieldPath } from './field-errors.ts';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
} from './name-rules.ts';

/** Which format a kind's names follow. */
export type NameRule = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment' | 'any';

export interface ObjectMetaRules {
  namespaced: boolean;
  nameRule: NameRule;
}

/** As upstream: annotations together may not exceed 256 KiB. */
export const totalAnnotationSizeLimit = 256 * 1024;

const nameChecks: Record<NameRule, (value: string) => string[]> = {
  dns1123Subdomain: isDns1123Subdomain,
  dns1123Label: isDns1123Label,
  dns1035Label: isDns1035Label,
  pathSegment: isValidPathSegmentName,
  any: () => [],
};

/**
 * Checks a name, or a generateName prefix. As upstream's maskTrailingDash, a prefix may end
 * in '-' (the random suffix follows); a path-segment prefix is only checked for '/' and '%'.
 */
export function checkName(rule: NameRule, value: string, prefix = false): string[] {
  if (!prefix) return nameChecks[rule](value);
  if (rule === 'pathSegment') return isValidPathSegmentName(value).filter((msg) => msg.startsWith('may not contain'));
  const masked = value.length > 1 && value.endsWith('-') ? `${value.slice(0, -1)}a` : value;
  return nameChecks[rule](masked);
}

export function validateLabels(labels: unknown, path: FieldPath): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    // Upstream reports both key and value problems on the map's own path, not the key's.
    for (const msg of isQualifiedName(k)) causes.push(invalid(path, k, msg));
    if (typeof v === 'string') for (const msg of isValidLabelValue(v)) causes.push(invalid(path, v, msg));
  }
  return causes;
}

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

export function validateAnnotations(annotations: unknown, path: FieldPath): StatusCause[] {
  if (annotations === undefined || annotations === null) return [];
  const causes: StatusCause[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    // As upstream: annotation keys are checked case-insensitively.
    for (const msg of isQualifiedName(k.toLowerCase())) causes.push(invalid(path, k, msg));
    size += byteLength(k) + (typeof v === 'string' ? byteLength(v) : 0);
  }
  if (size > totalAnnotationSizeLimit) causes.push(tooLong(path, totalAnnotationSizeLimit));
  return causes;
}

function validateFinalizers(finalizers: unknown, path: FieldPath): StatusCause[] {
  if (!Array.isArray(finalizers)) return [];
  const causes: StatusCause[] = [];
  for (const finalizer of finalizers) {
    if (typeof finalizer !== 'string') continue;
    for (const msg of isQualifiedName(finalizer)) causes.push(invalid(path, finalizer, msg));
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    causes.push(invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return causes;
}

function validateOwnerReferences(references: unknown, path: FieldPath): StatusCause[] {
  if (!Array.isArray(references)) return [];
  const causes: StatusCause[] = [];
  const controllers: string[] = [];
  references.forEach((ref: Record<string, unknown>) => {
    if (!ref.apiVersion) causes.push(invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) causes.push(invalid(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) causes.push(invalid(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) causes.push(invalid(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller === true) controllers.push(`${ref.kind}/${ref.name}`);
  });
  if (controllers.length > 1) {
    causes.push(
      invalid(path, references, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`),
    );
  }
  return causes;
}

/** Validates metadata of a new object. */
export function validateObjectMeta(obj: KubeObject, rules: ObjectMetaRules): StatusCause[] {
  const meta: ObjectMeta = obj.metadata ?? {};
  const causes: StatusCause[] = [];
  if (meta.generateName) {
    for (const msg of checkName(rules.nameRule, meta.generateName, true)) {
      causes.push(invalid('metadata.generateName', meta.generateName, msg));
    }
  }
  if (!meta.name) {
    if (!meta.generateName) causes.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of checkName(rules.nameRule, meta.name)) causes.push(invalid('metadata.name', meta.name, msg));
  }
  if (rules.namespaced) {
    if (!meta.namespace) causes.push(required('metadata.namespace'));
    else for (const msg of isDns1123Label(meta.namespace)) causes.push(invalid('metadata.namespace', meta.namespace, msg));
  } else if (meta.namespace) {
    causes.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    causes.push(invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  }
  causes.push(...validateLabels(meta.labels, 'metadata.labels'));
  causes.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  causes.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'));
  causes.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'));
  return causes;
}

/** Validates metadata of an update: what every update checks, then the fields that never change. */
export function validateObjectMetaUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const meta: ObjectMeta = obj.metadata ?? {};
  const was: ObjectMeta = old.metadata ?? {};
  const causes: StatusCause[] = [];
  // As upstream ValidateObjectMetaUpdate: name, namespace, uid and creationTimestamp never change.
  for (const field of ['name', 'namespace', 'uid', 'creationTimestamp'] as const) {
    if ((meta[field] ?? '') !== (was[field] ?? '')) causes.push(immutable(`metadata.${field}`, meta[field] ?? ''));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    causes.push(invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  }
  if (was.deletionTimestamp) {
    const before = new Set(was.finalizers ?? []);
    const added = (meta.finalizers ?? []).filter((f) => !before.has(f));
    if (added.length > 0) {
      causes.push(
        forbidden(
          'metadata.finalizers',
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  causes.push(...validateLabels(meta.labels, 'metadata.labels'));
  causes.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  causes.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'));
  causes.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'));
  return causes;
}
