/**
 * Structural checks (types, required fields, enums) from the compiled OpenAPI validators
 * that `kubernetes-models` ships per kind, translated into StatusCauses with field paths.
 *
 * Each kind's validator is loaded on first use only (the apps group alone costs ~60 ms),
 * so the server starts without paying for kinds nobody writes. The hand-written semantic
 * checks in this folder run alongside; where both report the same field, the hand-written
 * cause wins because it carries upstream's exact wording (see mergeCauses).
 */
import { createRequire } from 'node:module';
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { invalid, notSupported, required, typeInvalid } from './field-errors.ts';
import { quantityFormatError } from '../../quantity/quantity.ts';
import { base64Problem } from './base64.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type ModelClass = new (data: unknown) => { validate(): void };

const requireModule = createRequire(import.meta.url);
const models = new Map<string, ModelClass | null>();

/** The kubernetes-models class for an apiVersion and kind, or null when it ships none. */
function modelFor(apiVersion: string, kind: string): ModelClass | null {
  const id = `${apiVersion}/${kind}`;
  if (!models.has(id)) {
    let model: ModelClass | null = null;
    try {
      const exports = requireModule(`kubernetes-models/${id}`) as Record<string, unknown>;
      model = (exports[kind] as ModelClass | undefined) ?? null;
    } catch {
      model = null;
    }
    models.set(id, model);
  }
  return models.get(id)!;
}

/**
 * JSON decoding in Go treats null as "absent", and clients send `creationTimestamp: null`
 * or `resources: {}` all the time; the schema must not see those nulls.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
    return out;
  }
  return value;
}

/** `/spec/containers/0/image` -> `spec.containers[0].image`, walking the data to tell lists from maps. */
function toFieldPath(pointer: string, root: unknown): { path: string; value: unknown } {
  let path = '';
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path += `[${segment}]`;
      node = node[Number(segment)];
    } else {
      path = path ? `${path}.${segment}` : segment;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { path, value: node };
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** One cause per failing field: ajv reports every branch of a oneOf, upstream reports the field once. */
function translate(errors: AjvError[], data: unknown): StatusCause[] {
  const byPath = new Map<string, AjvError[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const causes: StatusCause[] = [];
  for (const [pointer, list] of byPath) {
    const { path, value } = toFieldPath(pointer, data);
    const quantity = list.some((e) => e.keyword === 'format' && e.params.format === 'quantity');
    const bytes = list.some((e) => e.keyword === 'format' && e.params.format === 'byte');
    const oneOf = list.some((e) => e.keyword === 'oneOf');
    // Quantities and byte strings sit in maps, whose keys upstream prints in brackets: `limits[memory]`.
    const cut = path.lastIndexOf('.');
    const keyed = cut < 0 ? path : `${path.slice(0, cut)}[${path.slice(cut + 1)}]`;
    if (quantity) {
      causes.push(typeInvalid(keyed, value, quantityFormatError));
      continue;
    }
    if (bytes) {
      causes.push(typeInvalid(keyed, '<value omitted>', base64Problem(String(value)) || 'illegal base64 data'));
      continue;
    }
    if (oneOf) {
      causes.push(typeInvalid(path, value, 'must be an integer or a string'));
      continue;
    }
    for (const error of list) {
      if (error.keyword === 'required') {
        const missing = String(error.params.missingProperty);
        if (pointer === '' && (missing === 'apiVersion' || missing === 'kind')) continue;
        causes.push(required(path ? `${path}.${missing}` : missing));
      } else if (error.keyword === 'type') {
        const expected = String(error.params.type);
        causes.push(typeInvalid(path, jsonTypeOf(value), `${path} in body must be of type ${expected}: "${jsonTypeOf(value)}"`));
      } else if (error.keyword === 'enum') {
        causes.push(notSupported(path, value, (error.params.allowedValues as string[]) ?? []));
      } else {
        causes.push(invalid(path, value, error.message ?? error.keyword));
      }
    }
  }
  return causes;
}

/** Schema causes for an object, or none when its kind has no shipped validator. */
export function schemaCauses(obj: KubeObject): StatusCause[] {
  if (!obj.apiVersion || !obj.kind) return [];
  const Model = modelFor(obj.apiVersion, obj.kind);
  if (!Model) return [];
  const data = withoutNulls(obj);
  try {
    new Model(data).validate();
    return [];
  } catch (error) {
    const list = (error as { errors?: AjvError[] }).errors;
    if (!Array.isArray(list)) return [];
    return translate(list, data);
  }
}

/**
 * Hand-written causes first; a schema cause is kept only when no hand-written cause names
 * the same field or one inside it (`spec.containers` covers `spec.containers[0].name`).
 */
export function mergeCauses(handWritten: StatusCause[], schema: StatusCause[]): StatusCause[] {
  const fields = handWritten.map((c) => c.field ?? '');
  const covered = (field: string) =>
    fields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
  return [...handWritten, ...schema.filter((c) => !covered(c.field ?? ''))];
}
