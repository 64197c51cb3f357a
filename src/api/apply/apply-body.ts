import { loadKubeYaml } from '../meta/yaml.ts';
import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';

/**
 * Reads an `application/apply-patch+yaml` body: YAML or JSON (JSON is YAML). As upstream's
 * applyPatcher, anything that is not a map is "error decoding YAML" (400); an empty body is
 * an empty object, which the apply then refuses as `invalid object type: /, Kind=`.
 */
export function parseApplyBody(text: string): KubeObject {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : loadKubeYaml(text);
  } catch (err) {
    throw errors.badRequest(`error decoding YAML: ${(err as Error).message}`);
  }
  if (parsed === undefined || parsed === null) parsed = {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    const got = Array.isArray(parsed) ? 'array' : typeof parsed;
    throw errors.badRequest(`error decoding YAML: error unmarshaling JSON: json: cannot unmarshal ${got} into Go value of type map[string]interface {}`);
  }
  const object = parsed as KubeObject;
  if (object.metadata === undefined || object.metadata === null) object.metadata = {};
  return object;
}

/** PatchOptions as kube-apiserver validates them (ValidatePatchOptions). */
export interface PatchOptionsToValidate {
  patchType: 'apply' | 'json' | 'merge' | 'strategic';
  fieldManager?: string;
  force?: boolean;
}

const FIELD_MANAGER_MAX_LENGTH = 128;

/**
 * Throws the 422 upstream answers for bad patch options: `fieldManager` is required for
 * apply (`PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required
 * for apply patch`), `force` is only for apply, and a field manager is at most 128
 * printable characters.
 */
export function validatePatchOptions(options: PatchOptionsToValidate): void {
  const causes: Array<{ reason: string; field: string; message: string }> = [];
  if (options.patchType !== 'apply') {
    if (options.force !== undefined) {
      causes.push({ reason: 'FieldValueForbidden', field: 'force', message: 'Forbidden: may not be specified for non-apply patch' });
    }
  } else if (!options.fieldManager) {
    causes.push({ reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' });
  }
  causes.push(...fieldManagerProblems(options.fieldManager));
  if (causes.length > 0) throw errors.invalid('PatchOptions', 'meta.k8s.io', '', causes);
}

/** ValidateFieldManager: at most 128 characters, all printable. Also used for create and update options. */
export function fieldManagerProblems(fieldManager: string | undefined): Array<{ reason: string; field: string; message: string }> {
  if (!fieldManager) return [];
  const problems: Array<{ reason: string; field: string; message: string }> = [];
  if (fieldManager.length > FIELD_MANAGER_MAX_LENGTH) {
    problems.push({ reason: 'FieldValueTooLong', field: 'fieldManager', message: `Too long: may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes` });
  }
  [...fieldManager].forEach((ch, i) => {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({
        reason: 'FieldValueInvalid',
        field: 'fieldManager',
        message: `Invalid value: ${JSON.stringify(fieldManager)}: invalid character U+${code} (at position ${i})`,
      });
    }
  });
  return problems;
}
