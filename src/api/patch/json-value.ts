/**
 * The JSON shapes every patch type works on: objects decoded from a request body or read
 * from the store. Kept apart so each patch module can say "a JSON object" precisely and
 * copy values before it changes them (patches never mutate their inputs).
 */
export type JsonObject = { [key: string]: unknown };

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy, so a patch can work in place without touching the caller's values. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The JSON type name as Go's encoding/json prints it in "cannot unmarshal X into Go value
 * of type Y" messages; kube-apiserver passes those messages to clients unchanged.
 */
export function goJsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/**
 * Sets `object[key]` as an own data property. Plain assignment would treat a `__proto__` key
 * from a request body as the prototype instead of a member.
 */
export function setMember(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
