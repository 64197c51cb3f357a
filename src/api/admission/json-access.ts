/**
 * Typed access to decoded JSON objects for defaulting and validation, without `any`.
 */
export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asList(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Json[]) : [];
}

/** The object at `obj[key]`, created empty when absent (for defaulting). */
export function ensureObject(obj: Json, key: string): Json {
  const existing = asObject(obj[key]);
  if (existing) return existing;
  const created: Json = {};
  obj[key] = created;
  return created;
}

/** Sets `obj[key]` only when it is absent, null or '' (Go's zero value for defaulted fields). */
export function setDefault(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Json)[k];
      if (v !== undefined && v !== null) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

