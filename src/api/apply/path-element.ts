/**
 * Path elements of a field set, kept in their FieldsV1 spelling so that a string is both
 * the identity and the wire form:
 *   `f:<name>`  a field of a map or struct
 *   `k:<json>`  an item of an associative list (listType map), by its key fields
 *   `v:<json>`  an item of a set (listType set), by its value
 *   `i:<n>`     an item of a list by index (only met in FieldsV1 written by others)
 * The JSON inside `k:` and `v:` is canonical (object keys sorted, as Go's encoder writes
 * maps), so equal elements are equal strings.
 */
export type PathElement = string;

export type ParsedPathElement =
  | { kind: 'field'; name: string }
  | { kind: 'key'; fields: Array<[string, unknown]> }
  | { kind: 'value'; value: unknown }
  | { kind: 'index'; index: number };

export class PathElementError extends Error {}

/** JSON with object keys sorted, as upstream's serialisation of keys and values. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort(compareStrings)) out[key] = sortKeysDeep(record[key]);
    return out;
  }
  return value;
}

export function fieldElement(name: string): PathElement {
  return `f:${name}`;
}

export function keyElement(fields: Record<string, unknown>): PathElement {
  return `k:${canonicalJson(fields)}`;
}

export function valueElement(value: unknown): PathElement {
  return `v:${canonicalJson(value)}`;
}

const parsedCache = new Map<string, ParsedPathElement>();

export function parsePathElement(element: PathElement): ParsedPathElement {
  const cached = parsedCache.get(element);
  if (cached) return cached;
  const parsed = parseUncached(element);
  if (parsedCache.size > 10_000) parsedCache.clear();
  parsedCache.set(element, parsed);
  return parsed;
}

function parseUncached(element: string): ParsedPathElement {
  const prefix = element.slice(0, 2);
  const body = element.slice(2);
  switch (prefix) {
    case 'f:':
      return { kind: 'field', name: body };
    case 'k:': {
      const fields = parseJson(element, body);
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
        throw new PathElementError(`expected a JSON object in path element ${JSON.stringify(element)}`);
      }
      const entries = Object.entries(fields as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b));
      return { kind: 'key', fields: entries };
    }
    case 'v:':
      return { kind: 'value', value: parseJson(element, body) };
    case 'i:': {
      if (!/^-?\d+$/.test(body)) throw new PathElementError(`invalid index in path element ${JSON.stringify(element)}`);
      return { kind: 'index', index: Number(body) };
    }
    default:
      throw new PathElementError(`unknown path element prefix in ${JSON.stringify(element)}`);
  }
}

function parseJson(element: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new PathElementError(`invalid JSON in path element ${JSON.stringify(element)}`);
  }
}

/** Re-spells a path element read from stored FieldsV1 in canonical form. */
export function canonicalPathElement(element: string): PathElement {
  const parsed = parsePathElement(element);
  switch (parsed.kind) {
    case 'key':
      return keyElement(Object.fromEntries(parsed.fields));
    case 'value':
      return valueElement(parsed.value);
    case 'index':
      return `i:${parsed.index}`;
    default:
      return element;
  }
}

/** Byte-wise string order, as Go's strings.Compare (UTF-16 order is close enough for keys). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const kindRank = { field: 0, key: 1, value: 2, index: 3 } as const;

/** The order upstream sorts path elements in: fields, then keys, then values, then indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  if (a === b) return 0;
  const pa = parsePathElement(a);
  const pb = parsePathElement(b);
  if (pa.kind !== pb.kind) return kindRank[pa.kind] - kindRank[pb.kind];
  switch (pa.kind) {
    case 'field':
      return compareStrings(pa.name, (pb as { name: string }).name);
    case 'key':
      return compareFieldLists(pa.fields, (pb as { fields: Array<[string, unknown]> }).fields);
    case 'value':
      return compareValues(pa.value, (pb as { value: unknown }).value);
    case 'index':
      return Math.sign(pa.index - (pb as { index: number }).index);
  }
}

function compareFieldLists(a: Array<[string, unknown]>, b: Array<[string, unknown]>): number {
  for (let i = 0; ; i++) {
    if (i >= a.length && i >= b.length) return 0;
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const byName = compareStrings(a[i][0], b[i][0]);
    if (byName !== 0) return byName;
    const byValue = compareValues(a[i][1], b[i][1]);
    if (byValue !== 0) return byValue;
  }
}

function valueRank(value: unknown): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  if (Array.isArray(value)) return 3;
  if (value !== null && typeof value === 'object') return 4;
  return 5; // null
}

/** A total order over JSON values: numbers, strings, booleans, lists, maps, null (as upstream's value.Compare). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = valueRank(a);
  const rb = valueRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return Math.sign((a as number) - (b as number));
    case 1:
      return compareStrings(a as string, b as string);
    case 2:
      return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const la = a as unknown[];
      const lb = b as unknown[];
      for (let i = 0; i < Math.min(la.length, lb.length); i++) {
        const c = compareValues(la[i], lb[i]);
        if (c !== 0) return c;
      }
      return la.length - lb.length;
    }
    case 4: {
      const ea = Object.entries(a as Record<string, unknown>).sort(([x], [y]) => compareStrings(x, y));
      const eb = Object.entries(b as Record<string, unknown>).sort(([x], [y]) => compareStrings(x, y));
      return compareFieldLists(ea, eb);
    }
    default:
      return 0;
  }
}

/** The human form used in conflict messages: `.spec`, `[name="nginx"]`, `[=value]`, `[3]`. */
export function describePathElement(element: PathElement): string {
  const parsed = parsePathElement(element);
  switch (parsed.kind) {
    case 'field':
      return `.${parsed.name}`;
    case 'key':
      return `[${parsed.fields.map(([name, value]) => `${name}=${describeValue(value)}`).join(',')}]`;
    case 'value':
      return `[=${describeValue(parsed.value)}]`;
    case 'index':
      return `[${parsed.index}]`;
  }
}

export function describePath(path: readonly PathElement[]): string {
  return path.map(describePathElement).join('');
}

/** As upstream's value.ToString: strings quoted, lists bracketed, maps as `k=v` pairs. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(',')}]`;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${describeValue(v)}`)
      .join('');
  }
  return String(value);
}
