/**
 * A small JSONPath evaluator for the paths CRD printer columns use, as k8s.io/client-go/util/jsonpath
 * reads them inside `{...}` with missing keys allowed: `.spec.replicas`, `.metadata.labels.app`,
 * `.items[0]`, `[*]`, `['a.b']`, `..name` and filters such as
 * `.status.conditions[?(@.type=="Ready")].status`.
 *
 * @example evaluateJsonPath('.spec.replicas', { spec: { replicas: 3 } }) // [3]
 */

type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: Segment[]; operator?: string; literal?: unknown };

/** Every value the path reaches, in document order; [] when it reaches nothing or does not parse. */
export function evaluateJsonPath(path: string, data: unknown): unknown[] {
  let segments: Segment[];
  try {
    segments = parsePath(stripBraces(path));
  } catch {
    return [];
  }
  return walk(segments, [data]);
}

/** Whether the path parses; CRD columns with other paths are rejected upstream. */
export function isValidJsonPath(path: string): boolean {
  try {
    parsePath(stripBraces(path));
    return true;
  } catch {
    return false;
  }
}

function stripBraces(path: string): string {
  const trimmed = path.trim();
  return trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1).trim() : trimmed;
}

function parsePath(text: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  if (text.startsWith('$')) i = 1;
  const identifier = () => {
    const m = /^[^.[\]\s()=!<>]*/.exec(text.slice(i))![0];
    i += m.length;
    return m;
  };
  while (i < text.length) {
    if (text.startsWith('..', i)) {
      i += 2;
      segments.push({ kind: 'recursive', name: identifier() });
    } else if (text[i] === '.') {
      i++;
      const name = identifier();
      if (name === '*') segments.push({ kind: 'wildcard' });
      else if (name !== '') segments.push({ kind: 'field', name });
    } else if (text[i] === '[') {
      const close = matchingBracket(text, i);
      segments.push(parseBracket(text.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (i === 0 || segments.length === 0) {
      // A leading bare name reads as a field (`spec.replicas`).
      segments.push({ kind: 'field', name: identifier() });
    } else {
      throw new Error(`unrecognized character in path at ${i}`);
    }
  }
  return segments;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new Error('unclosed bracket');
}

function parseBracket(inner: string): Segment {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (slice) return { kind: 'slice', start: slice[1] ? Number(slice[1]) : undefined, end: slice[2] ? Number(slice[2]) : undefined };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { kind: 'field', name: quoted[2] };
  const filter = /^\?\((.*)\)$/s.exec(inner);
  if (filter) return parseFilter(filter[1].trim());
  throw new Error(`unrecognized bracket [${inner}]`);
}

function parseFilter(expr: string): Segment {
  const m = /^@((?:\.[^.\s=!<>]+|\[[^\]]*\])*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/s.exec(expr);
  if (!m) throw new Error(`unrecognized filter ${expr}`);
  const path = parsePath(m[1]);
  if (!m[2]) return { kind: 'filter', path };
  return { kind: 'filter', path, operator: m[2], literal: parseLiteral(m[3].trim()) };
}

function parseLiteral(text: string): unknown {
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2];
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && !Number.isNaN(Number(text))) return Number(text);
  throw new Error(`unrecognized literal ${text}`);
}

function walk(segments: Segment[], current: unknown[]): unknown[] {
  let values = current;
  for (const segment of segments) values = values.flatMap((v) => step(segment, v));
  return values;
}

function step(segment: Segment, value: unknown): unknown[] {
  switch (segment.kind) {
    case 'field':
      return isObject(value) && Object.prototype.hasOwnProperty.call(value, segment.name) ? [value[segment.name]] : [];
    case 'recursive':
      return descendants(value).flatMap((v) => (segment.name === '' ? [v] : step({ kind: 'field', name: segment.name }, v)));
    case 'index': {
      if (!Array.isArray(value)) return [];
      const i = segment.index < 0 ? value.length + segment.index : segment.index;
      return i >= 0 && i < value.length ? [value[i]] : [];
    }
    case 'slice': {
      if (!Array.isArray(value)) return [];
      return value.slice(segment.start, segment.end);
    }
    case 'wildcard':
      if (Array.isArray(value)) return value;
      return isObject(value) ? Object.keys(value).sort().map((k) => value[k]) : [];
    case 'filter': {
      const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
      return items.filter((item) => filterHolds(segment, item));
    }
  }
}

function filterHolds(filter: Extract<Segment, { kind: 'filter' }>, item: unknown): boolean {
  const found = walk(filter.path, [item]);
  if (!filter.operator) return found.length > 0 && found[0] !== null && found[0] !== false;
  if (found.length === 0) return false;
  const left = found[0];
  const right = filter.literal;
  switch (filter.operator) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return typeof left === typeof right && (left as number) < (right as number);
    case '>':
      return typeof left === typeof right && (left as number) > (right as number);
    case '<=':
      return typeof left === typeof right && (left as number) <= (right as number);
    case '>=':
      return typeof left === typeof right && (left as number) >= (right as number);
    default:
      return false;
  }
}

function descendants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  if (Array.isArray(value)) for (const v of value) out.push(...descendants(v));
  else if (isObject(value)) for (const k of Object.keys(value)) out.push(...descendants(value[k]));
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
