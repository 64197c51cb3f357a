/**
 * namespaces: the `kubernetes` finalizer, phase Active and the immutable
 * kubernetes.io/metadata.name label (upstream SetDefaults_Namespace and namespaceStrategy).
 */
import type { StatusCause } from '../errors.ts';
import { asObject, ensureObject, type Json } from './json-access.ts';
import { invalid } from './field-errors.ts';
import { isQualifiedName } from './name-rules.ts';
import { defineStrategy } from './strategy.ts';

export const namespaceNameLabel = 'kubernetes.io/metadata.name';
const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function defaults(obj: Json): void {
  const meta = ensureObject(obj, 'metadata');
  const spec = ensureObject(obj, 'spec');
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  const status = ensureObject(obj, 'status');
  if (!status.phase) status.phase = 'Active';
  // As upstream: the label always equals the name, whatever the client sent.
  if (typeof meta.name === 'string' && meta.name) ensureObject(meta, 'labels')[namespaceNameLabel] = meta.name;
}

function validateFinalizers(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
  finalizers.forEach((finalizer, i) => {
    const at = `spec.finalizers[${i}]`;
    for (const msg of isQualifiedName(finalizer)) causes.push(invalid(at, finalizer, msg));
    if (!finalizer.includes('/') && !standardFinalizers.has(finalizer)) {
      causes.push(invalid(at, finalizer, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return causes;
}

export const namespaceStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Label' },
  defaults: (obj) => defaults(obj as Json),
  validate: (obj) => validateFinalizers(asObject(obj.spec) ?? {}),
  fieldLabels: (obj) => ({ 'status.phase': String(asObject(obj.status)?.phase ?? '') }),
});
