import { definitionDescriptions } from './definitions.ts';
import { parameterTypes, type Operation, type PathEntry } from './operations.ts';
import type { SchemaDialect } from './render-schemas.ts';

type Json = Record<string, unknown>;

/**
 * Renders paths in swagger 2.0 or OpenAPI 3.0 form. Each operation carries
 * x-kubernetes-action and x-kubernetes-group-version-kind: kubectl finds a kind's PATCH
 * operation by that extension and then looks for `fieldValidation` among its parameters
 * to decide whether the server validates fields (client-go's QueryParamVerifier, v2 and v3).
 */
export function renderPaths(entries: PathEntry[], dialect: SchemaDialect): { paths: Json; roots: string[] } {
  const prefix = dialect === 'v2' ? '#/definitions/' : '#/components/schemas/';
  const roots = new Set<string>();
  const paths: Json = {};
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const item: Json = {};
    for (const op of entry.operations) {
      roots.add(op.response);
      if (op.body) roots.add(op.body);
      item[op.method] = renderOperation(op, prefix, dialect);
    }
    if (entry.parameters.length) item.parameters = entry.parameters.map((p) => renderParameter(p, dialect));
    paths[entry.path] = item;
  }
  return { paths, roots: [...roots] };
}

function renderOperation(op: Operation, prefix: string, dialect: SchemaDialect): Json {
  const ref = (name: string) => ({ $ref: prefix + name });
  const parameters: Json[] = [];
  const out: Json = { tags: [op.tag], description: op.description, operationId: op.operationId };
  const codes = ['200', ...op.alsoSuccess];
  if (dialect === 'v2') {
    out.consumes = op.consumes;
    out.produces = op.produces;
    out.schemes = ['https'];
    if (op.body) parameters.push({ name: 'body', in: 'body', required: !!op.bodyRequired, schema: ref(op.body) });
    const responses: Json = {};
    for (const code of codes) responses[code] = { description: statusText(code), schema: ref(op.response) };
    responses['401'] = { description: 'Unauthorized' };
    out.responses = responses;
  } else {
    if (op.body) {
      const content: Json = {};
      for (const type of op.consumes) content[type] = { schema: ref(op.body) };
      out.requestBody = { content, ...(op.bodyRequired ? { required: true } : {}) };
    }
    const responses: Json = {};
    for (const code of codes) {
      const content: Json = {};
      for (const type of op.produces) content[type] = { schema: ref(op.response) };
      responses[code] = { description: statusText(code), content };
    }
    responses['401'] = { description: 'Unauthorized' };
    out.responses = responses;
  }
  parameters.push(...[...op.query].sort().map((name) => renderParameter(name, dialect)));
  if (parameters.length) out.parameters = parameters;
  out['x-kubernetes-action'] = op.action;
  out['x-kubernetes-group-version-kind'] = op.gvk;
  return out;
}

function renderParameter(name: string, dialect: SchemaDialect): Json {
  const spec = parameterTypes[name] ?? { type: 'string', in: 'query' };
  const description = definitionDescriptions().parameters[name] ?? '';
  const required = spec.in === 'path' ? { required: true } : {};
  if (dialect === 'v2') return { uniqueItems: true, type: spec.type, description, name, in: spec.in, ...required };
  return { name, in: spec.in, description, ...required, schema: { type: spec.type, uniqueItems: true } };
}

function statusText(code: string): string {
  return ({ '200': 'OK', '201': 'Created', '202': 'Accepted' } as Record<string, string>)[code] ?? code;
}
