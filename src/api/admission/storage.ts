/**
 * Storage kinds: PersistentVolumeClaims, PersistentVolumes (core) and StorageClasses
 * (storage.k8s.io), with upstream's defaults and key checks.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject, deepEqual, ensureObject, setDefault, type Json } from './json-access.ts';
import { forbidden, immutable, invalid, key, notSupported, required } from './field-errors.ts';
import { quantityAt } from './container-validation.ts';
import { canonicalizeResourceList } from './pod-defaults.ts';
import { defineStrategy } from './strategy.ts';

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] as const;
const volumeModes = ['Block', 'Filesystem'] as const;

function validateAccessModes(spec: Json, path: string): StatusCause[] {
  const modes = Array.isArray(spec.accessModes) ? (spec.accessModes as unknown[]) : [];
  if (modes.length === 0) return [required(path, 'at least 1 access mode is required')];
  const causes = modes
    .filter((m) => !(accessModes as readonly string[]).includes(m as string))
    .map((m) => notSupported(path, m, accessModes));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    causes.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  }
  return causes;
}

function validateVolumeMode(spec: Json, path: string): StatusCause[] {
  const mode = spec.volumeMode;
  return mode && !(volumeModes as readonly string[]).includes(mode as string) ? [notSupported(path, mode, volumeModes)] : [];
}

function validateClaim(obj: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const causes = [...validateAccessModes(spec, 'spec.accessModes'), ...validateVolumeMode(spec, 'spec.volumeMode')];
  const storage = asObject(asObject(spec.resources)?.requests)?.storage;
  // Upstream names this field `spec.resources[storage]`.
  const at = key('spec.resources', 'storage');
  if (storage === undefined || storage === null) causes.push(required(at));
  else {
    const q = quantityAt(storage, at, causes);
    if (q && q.sign() <= 0) causes.push(invalid(at, q.toString(), 'must be greater than zero'));
  }
  return causes;
}

/** As upstream ValidatePersistentVolumeClaimUpdate: only the requests (expansion) and the attributes class may change. */
function validateClaimUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const spec = structuredClone(asObject(obj.spec) ?? {});
  const was = structuredClone(asObject(old.spec) ?? {});
  for (const s of [spec, was]) {
    delete asObject(s.resources)?.requests;
    delete s.volumeAttributesClassName;
    // volumeName is filled in by binding.
    delete s.volumeName;
  }
  if (deepEqual(spec, was)) return [];
  return [forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
}

export const persistentVolumeClaimStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults(obj) {
    const spec = ensureObject(obj as Json, 'spec');
    setDefault(spec, 'volumeMode', 'Filesystem');
    canonicalizeResourceList(asObject(spec.resources)?.requests);
    canonicalizeResourceList(asObject(spec.resources)?.limits);
    const status = ensureObject(obj as Json, 'status');
    setDefault(status, 'phase', 'Pending');
  },
  validate: validateClaim,
  validateUpdate: validateClaimUpdate,
});

const reclaimPolicies = ['Delete', 'Recycle', 'Retain'] as const;

export const persistentVolumeStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Subdomain' },
  defaults(obj) {
    const spec = ensureObject(obj as Json, 'spec');
    setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setDefault(spec, 'volumeMode', 'Filesystem');
    setDefault(ensureObject(obj as Json, 'status'), 'phase', 'Pending');
  },
  validate(obj) {
    const spec = asObject(obj.spec) ?? {};
    const causes = [...validateAccessModes(spec, 'spec.accessModes'), ...validateVolumeMode(spec, 'spec.volumeMode')];
    const storage = asObject(spec.capacity)?.storage;
    const at = key('spec.capacity', 'storage');
    if (storage === undefined || storage === null) causes.push(required('spec.capacity'));
    else quantityAt(storage, at, causes);
    const policy = spec.persistentVolumeReclaimPolicy;
    if (!(reclaimPolicies as readonly string[]).includes(policy as string)) {
      causes.push(notSupported('spec.persistentVolumeReclaimPolicy', policy ?? '', reclaimPolicies));
    }
    return causes;
  },
});

const classReclaimPolicies = ['Delete', 'Retain'] as const;
const bindingModes = ['Immediate', 'WaitForFirstConsumer'] as const;

function validateStorageClassUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!deepEqual(obj.parameters, old.parameters)) causes.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (obj.provisioner !== old.provisioner) causes.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (obj.reclaimPolicy !== old.reclaimPolicy) causes.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (obj.volumeBindingMode !== old.volumeBindingMode) causes.push(immutable('volumeBindingMode', obj.volumeBindingMode ?? null));
  return causes;
}

export const storageClassStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Subdomain' },
  defaults(obj) {
    setDefault(obj as Json, 'reclaimPolicy', 'Delete');
    setDefault(obj as Json, 'volumeBindingMode', 'Immediate');
  },
  validate(obj) {
    const causes: StatusCause[] = [];
    if (!obj.provisioner) causes.push(required('provisioner'));
    if (!(classReclaimPolicies as readonly string[]).includes(obj.reclaimPolicy as string)) {
      causes.push(notSupported('reclaimPolicy', obj.reclaimPolicy ?? '', classReclaimPolicies));
    }
    if (!(bindingModes as readonly string[]).includes(obj.volumeBindingMode as string)) {
      causes.push(notSupported('volumeBindingMode', obj.volumeBindingMode ?? '', bindingModes));
    }
    return causes;
  },
  validateUpdate: validateStorageClassUpdate,
});
