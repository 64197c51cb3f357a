import { errors } from '../errors.ts';
import { queryBool } from '../http/query-bool.ts';

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** Write options from the query string, validated as upstream's CreateOptions/UpdateOptions/PatchOptions. */
export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  fieldValidation: FieldValidation;
  force: boolean;
}

export function parseWriteOptions(query: URLSearchParams, kind = 'CreateOptions'): WriteOptions {
  const dryRunValues = query.getAll('dryRun');
  for (const v of dryRunValues) {
    if (v !== 'All') {
      throw errors.invalid(kind, 'meta.k8s.io', '', [
        { reason: 'FieldValueNotSupported', field: 'dryRun', message: `Unsupported value: "${v}": supported values: "All"` },
      ]);
    }
  }
  const fv = query.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Ignore' && fv !== 'Warn' && fv !== 'Strict') {
    throw errors.badRequest(`fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`);
  }
  const fieldManager = query.get('fieldManager') ?? undefined;
  if (fieldManager !== undefined && fieldManager.length > 128) {
    throw errors.invalid(kind, 'meta.k8s.io', '', [
      { reason: 'FieldValueTooLong', field: 'fieldManager', message: 'Too long: may not be more than 128 bytes' },
    ]);
  }
  return { dryRun: dryRunValues.length > 0, fieldManager, fieldValidation: fv, force: queryBool(query, 'force') === true };
}

/** The default field manager when the client names none: the first segment of its user agent, as upstream. */
export function defaultFieldManager(userAgent: string | null): string {
  const agent = userAgent ?? 'unknown';
  const first = agent.split('/')[0].trim();
  return first === '' ? 'unknown' : first.slice(0, 128);
}
