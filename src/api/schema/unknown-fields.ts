import type { SchemaNode } from './merge-meta.ts';
import { OBJECT_META, schemaNodeForDefinition } from './builtin-schemas.ts';

/**
 * Fields of `obj` its schema does not declare, as the paths kube-apiserver names in
 * fieldValidation errors and warnings: `spec.foo`, `spec.containers[0].foo`,
 * `metadata.labelz`. Callers print each as `unknown field "<path>"` (Strict: one 400
 * "strict decoding error: ..." listing them all; Warn: one warning each).
 *
 * As upstream: apiVersion and kind are always known at the root; metadata is always
 * ObjectMeta, so unknown metadata fields are reported even for custom resources; objects
 * with x-kubernetes-preserve-unknown-fields, RawExtension and int-or-string values are
 * not looked into; order follows the document.
 */
export function findUnknownFields(schema: SchemaNode, obj: unknown): string[] {
  const found: string[] = [];
  if (!isObject(obj)) return found;
  const objectMeta = schemaNodeForDefinition(OBJECT_META);
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind') continue;
    if (key === 'metadata' && objectMeta) walk(objectMeta, value, 'metadata', found);
    else walkProperty(schema, key, value, '', found);
  }
  return found;
}

function walkProperty(parent: SchemaNode, key: string, value: unknown, base: string, found: string[]): void {
  const path = base ? `${base}.${key}` : key;
  const declared = parent.properties?.[key];
  if (declared) return walk(declared, value, path, found);
  if (parent.additionalProperties) return walk(parent.additionalProperties, value, path, found);
  if (!parent.preserveUnknownFields) found.push(path);
}

function walk(node: SchemaNode, value: unknown, path: string, found: string[]): void {
  if (value === null || value === undefined || node.intOrString) return;
  if (Array.isArray(value)) {
    if (node.items) value.forEach((item, i) => walk(node.items!, item, `${path}[${i}]`, found));
    return;
  }
  if (!isObject(value)) return;
  // A node without declared structure (type-less, or preserve-unknown-fields without
  // properties) accepts anything beneath it.
  if (!node.properties && !node.additionalProperties) return;
  for (const [key, child] of Object.entries(value)) walkProperty(node, key, child, path, found);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys that occur twice in one JSON object of `jsonText`, as paths (`spec.replicas`,
 * `spec.containers[0].name`); upstream's strict JSON decoder reports each as
 * `duplicate field "<path>"` under fieldValidation=Strict (Warn: as warnings). JSON.parse
 * silently keeps the last value, so this scans the text itself. Invalid JSON gives [].
 */
export function findDuplicateFields(jsonText: string): string[] {
  const scanner = new DuplicateScanner(jsonText);
  try {
    scanner.value('');
  } catch {
    return [];
  }
  return scanner.duplicates;
}

class DuplicateScanner {
  pos = 0;
  duplicates: string[] = [];
  constructor(private readonly text: string) {}

  value(path: string): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') this.object(path);
    else if (c === '[') this.array(path);
    else if (c === '"') this.string();
    else this.literal();
  }

  private object(path: string): void {
    this.pos++;
    const seen = new Set<string>();
    this.space();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.space();
      const key = this.string();
      const childPath = path ? `${path}.${key}` : key;
      if (seen.has(key)) this.duplicates.push(childPath);
      seen.add(key);
      this.space();
      this.expect(':');
      this.value(childPath);
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else return this.expect('}');
    }
  }

  private array(path: string): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (let i = 0; ; i++) {
      this.value(`${path}[${i}]`);
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else return this.expect(']');
    }
  }

  private string(): string {
    this.expect('"');
    const start = this.pos - 1;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    this.expect('"');
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private literal(): void {
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) throw new SyntaxError(`unexpected input at ${this.pos}`);
    this.pos += m[0].length;
  }

  private space(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) throw new SyntaxError(`expected ${c} at ${this.pos}`);
    this.pos++;
  }
}
