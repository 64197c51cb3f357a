import * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ResourceStrategy } from '../resources/types.ts';
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { applySchemaDefaults } from './defaults.ts';
import { validateObjectMeta } from '../admission/object-meta.ts';

// ajv is CommonJS: its class is the default export's `default` under Node's ESM interop.
const Ajv = ((AjvModule as unknown as { default: { default?: unknown } }).default.default ?? (AjvModule as unknown as { default: unknown }).default) as typeof AjvModule.Ajv;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/**
 * Validation and defaulting of custom resources from their CRD's structural schema, as the
 * apiextensions-apiserver does: defaults from `default`, then schema validation with
 * upstream's message form (`spec.replicas in body must be of type integer: "string"`).
 */
export function customResourceStrategy(opts: { kind: string; group: string; schema?: Record<string, unknown> }): ResourceStrategy {
  let validator: ValidateFunction | undefined;
  const compile = () => (validator ??= ajv.compile(toJsonSchema(opts.schema ?? {}, true)));
  const validate = (obj: KubeObject): StatusCause[] => {
    const causes: StatusCause[] = [...validateObjectMeta(obj, { namespaced: !!obj.metadata.namespace, nameRule: 'dns1123Subdomain' })];
    if (!opts.schema) return causes;
    const v = compile();
    const { metadata: _m, ...rest } = obj;
    if (!v(rest)) for (const e of v.errors ?? []) causes.push(causeOf(e, rest));
    return causes;
  };
  return {
    defaults: (obj) => {
      if (opts.schema) applySchemaDefaults(opts.schema, obj);
    },
    validateCreate: validate,
    validateUpdate: (obj) => validate(obj),
  };
}

/** OpenAPI v3 (Kubernetes' structural dialect) to JSON Schema ajv understands. */
function toJsonSchema(schema: Record<string, unknown>, root: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-') || k === 'nullable' || k === 'default' || k === 'example' || k === 'externalDocs') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      const props: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(v as Record<string, unknown>)) {
        if (root && name === 'metadata') continue; // ObjectMeta is validated by its own rules
        props[name] = toJsonSchema(sub as Record<string, unknown>, false);
      }
      out.properties = props;
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && v && typeof v === 'object') {
      out[k] = toJsonSchema(v as Record<string, unknown>, false);
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((s) => toJsonSchema(s as Record<string, unknown>, false));
    } else {
      out[k] = v;
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (root && Array.isArray(out.required)) out.required = (out.required as string[]).filter((r) => r !== 'metadata');
  return out;
}

function causeOf(e: ErrorObject, doc: unknown): StatusCause {
  const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = path.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
  const value = path.reduce<unknown>((cur, part) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined), doc);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      field = field ? `${field}.${missing}` : missing;
      return { reason: 'FieldValueRequired', field, message: 'Required value' };
    }
    case 'type':
      return { reason: 'FieldValueTypeInvalid', field, message: `Invalid value: "${typeName(value)}": ${field} in body must be of type ${(e.params as { type: string }).type}: ${JSON.stringify(value)}` };
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((a) => JSON.stringify(a)).join(', ');
      return { reason: 'FieldValueNotSupported', field, message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (e.params as { limit: number }).limit;
      const words = e.keyword === 'minimum' ? 'greater than or equal to' : e.keyword === 'maximum' ? 'less than or equal to' : e.keyword === 'exclusiveMinimum' ? 'greater than' : 'less than';
      return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${field} in body should be ${words} ${limit}` };
    }
    case 'pattern':
      return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${field} in body should match '${(e.params as { pattern: string }).pattern}'` };
    case 'maxLength':
    case 'minLength':
      return { reason: e.keyword === 'maxLength' ? 'FieldValueTooLong' : 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${field} in body should be at ${e.keyword === 'maxLength' ? 'most' : 'least'} ${(e.params as { limit: number }).limit} chars long` };
    default:
      return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${field} in body ${e.message ?? 'is invalid'}` };
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
