import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import type { WriteOptions } from './write-options.ts';
import { findDuplicateFields, findUnknownFields } from '../schema/unknown-fields.ts';
import { pruneUnknownFields } from '../schema/prune.ts';
import { strategyFor } from '../resources/strategies.ts';
import { trackUpdate } from '../apply/index.ts';
import { defaultFieldManager } from './write-options.ts';

export interface AdmitInput {
  deps: ApiDeps;
  req: ApiRequest;
  obj: KubeObject;
  old?: KubeObject;
  opts: WriteOptions;
  warnings: string[];
  /** Skip managedFields tracking (server-side apply computes its own). */
  managedFieldsDone?: boolean;
}

/**
 * The admission chain every write goes through, in kube-apiserver's order: decode-time
 * unknown-field handling (fieldValidation), defaulting, validation, then managedFields.
 * Mutates and returns `obj`.
 */
export function admit({ deps, req, obj, old, opts, warnings, managedFieldsDone }: AdmitInput): KubeObject {
  const info = req.resource;
  const schema = deps.schemas(info.group, info.version, info.kind);
  if (schema && opts.fieldValidation !== 'Ignore') {
    const unknown = findUnknownFields(schema, obj);
    // A JSON body that names a field twice (create and update only: a patch body is not the object).
    const duplicates = wholeObjectJson(req) ? findDuplicateFields(req.body!) : [];
    if (unknown.length > 0 || duplicates.length > 0) {
      const messages = [...duplicates.map((p) => `duplicate field "${p}"`), ...unknown.map((p) => `unknown field "${p}"`)];
      if (opts.fieldValidation === 'Strict') throw errors.badRequest(`strict decoding error: ${messages.join(', ')}`);
      warnings.push(...messages);
    }
  }
  // Built-in types decode into Go structs upstream, which drops unknown fields: prune likewise.
  if (schema) pruneUnknownFields(schema, obj);

  const strategy = strategyFor(deps.strategies, info);
  strategy.defaults?.(obj);
  const causes = old ? (strategy.validateUpdate?.(obj, old) ?? []) : (strategy.validateCreate?.(obj) ?? []);
  if (causes.length > 0) throw errors.invalid(info.kind, info.group, obj.metadata.name ?? '', causes);

  if (!managedFieldsDone) {
    const manager = opts.fieldManager ?? defaultFieldManager(req.headers.get('user-agent'));
    obj.metadata.managedFields = trackUpdate({
      live: old,
      updated: obj,
      manager,
      operation: 'Update',
      subresource: req.info.subresource || undefined,
      apiVersion: obj.apiVersion ?? '',
      now: deps.now(),
      schema,
    });
    if (obj.metadata.managedFields?.length === 0) delete obj.metadata.managedFields;
  }
  return obj;
}

/** Whether the request body is the object itself, as JSON (not a patch, not YAML or protobuf). */
function wholeObjectJson(req: ApiRequest): boolean {
  if (!req.body || (req.info.verb !== 'create' && req.info.verb !== 'update')) return false;
  const media = req.contentType.split(';')[0].trim().toLowerCase();
  return media === '' || media === 'application/json';
}
