import { errors, StatusError } from '../errors.ts';

export interface ListOptions {
  resourceVersion: string;
  resourceVersionMatch: '' | 'NotOlderThan' | 'Exact';
  limit: number;
  continueToken: string;
  /** Continue token decoded: where the previous page stopped. */
  continueFrom?: { rv: number; start: string };
}

/** ListOptions as upstream validates them (metainternalversion validation). */
export function parseListOptions(query: URLSearchParams): ListOptions {
  const resourceVersion = query.get('resourceVersion') ?? '';
  const match = query.get('resourceVersionMatch') ?? '';
  const limitText = query.get('limit');
  const continueToken = query.get('continue') ?? '';
  const causes = [];
  if (match !== '' && match !== 'NotOlderThan' && match !== 'Exact') {
    causes.push({ reason: 'FieldValueNotSupported', field: 'resourceVersionMatch', message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""` });
  }
  if (match !== '' && resourceVersion === '') {
    causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' });
  }
  if (match === 'Exact' && resourceVersion === '0') {
    causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"' });
  }
  if (continueToken !== '' && resourceVersion !== '' && resourceVersion !== '0') {
    causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersion', message: 'Forbidden: specifying resource version is not allowed when using continue' });
  }
  if (causes.length > 0) throw errors.invalid('ListOptions', 'meta.k8s.io', '', causes);
  if (resourceVersion !== '' && !/^\d+$/.test(resourceVersion)) {
    throw errors.badRequest(`invalid resource version: "${resourceVersion}"`);
  }
  let limit = 0;
  if (limitText !== null && limitText !== '') {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) throw errors.badRequest(`invalid limit: "${limitText}"`);
  }
  const opts: ListOptions = { resourceVersion, resourceVersionMatch: match as ListOptions['resourceVersionMatch'], limit, continueToken };
  if (continueToken) opts.continueFrom = decodeContinue(continueToken);
  return opts;
}

/** Continue tokens are opaque to clients; ours name the list's revision and the next key, as upstream's. */
export function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') throw new Error('bad');
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

export function tooLargeResourceVersion(requested: number, current: number): StatusError {
  return new StatusError(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });
}
