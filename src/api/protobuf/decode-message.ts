import { errors } from '../errors.ts';
import type { FieldDescriptor, FieldKind, MessageTable } from './descriptors/index.ts';
import { SPECIAL_MESSAGES } from './special-messages.ts';
import { MalformedProtobuf, WireReader, WireType } from './wire.ts';

/** Deeper than any Kubernetes object nests; stops a hostile body from exhausting the stack. */
const MAX_DEPTH = 64;

interface Walk {
  messages: MessageTable;
  /** The JSON path of the message being read, for error messages (`spec.template.spec`). */
  path: string;
  depth: number;
}

const fieldIndexes = new WeakMap<readonly FieldDescriptor[], Map<number, FieldDescriptor>>();

function fieldIndex(fields: readonly FieldDescriptor[]): Map<number, FieldDescriptor> {
  let index = fieldIndexes.get(fields);
  if (!index) {
    index = new Map(fields.map((field) => [field.no, field]));
    fieldIndexes.set(fields, index);
  }
  return index;
}

/**
 * Decodes one message into the JSON value Go's JSON encoder would write for the Go
 * object upstream's protobuf decoder builds from the same bytes.
 *
 * Throws a 415 StatusError for a field number the table does not describe (the body
 * uses a field this server does not know, and dropping it silently would lose data),
 * and MalformedProtobuf for bytes that do not parse.
 *
 * @example
 * decodeMessage(bytes, 'core.v1.ConfigMap', { messages: MESSAGES, path: '', depth: 0 });
 * // { metadata: { name: 'x' }, data: { a: 'b' } }
 */
export function decodeMessage(bytes: Uint8Array, messageName: string, walk: Walk): unknown {
  const special = SPECIAL_MESSAGES[messageName];
  if (special) return special(bytes);
  const fields = Object.hasOwn(walk.messages, messageName) ? walk.messages[messageName] : undefined;
  if (!fields) throw errors.unsupportedMediaType(`protobuf message ${messageName} is not supported by this server`);
  if (walk.depth > MAX_DEPTH) throw new MalformedProtobuf(`message nesting deeper than ${MAX_DEPTH} levels`);
  const index = fieldIndex(fields);
  const out: Record<string, unknown> = {};
  const reader = new WireReader(bytes);
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    const field = index.get(fieldNumber);
    if (!field) {
      throw errors.unsupportedMediaType(
        `protobuf field number ${fieldNumber} of ${messageName}${walk.path ? ` (at ${walk.path})` : ''} ` +
          'is not supported by this server; send the object as application/json',
      );
    }
    readField({ reader, field, wireType, out, walk });
  }
  return out;
}

interface FieldRead {
  reader: WireReader;
  field: FieldDescriptor;
  wireType: number;
  out: Record<string, unknown>;
  walk: Walk;
}

function readField({ reader, field, wireType, out, walk }: FieldRead): void {
  const childPath = walk.path ? `${walk.path}.${field.json}` : field.json;
  if (field.kind.startsWith('map:')) {
    expectWireType(field, wireType, WireType.LengthDelimited, childPath);
    const entries = (out[field.json] ??= {}) as Record<string, unknown>;
    const [key, value] = readMapEntry(reader.lengthDelimited(), field.kind, { ...walk, path: childPath });
    entries[key] = value;
    return;
  }
  if (field.repeated) {
    const list = (out[field.json] ??= []) as unknown[];
    const itemWalk = { ...walk, path: `${childPath}[${list.length}]` };
    if (wireType === WireType.LengthDelimited && isPackable(field.kind)) {
      // Packed repeated scalars: Go's proto2 marshaller writes them unpacked, but a
      // decoder accepts both forms (protobuf encoding rules).
      const packed = new WireReader(reader.lengthDelimited());
      while (!packed.done()) list.push(readValue(packed, field.kind, itemWalk));
      return;
    }
    expectWireType(field, wireType, wireTypeOf(field.kind), childPath);
    list.push(readValue(reader, field.kind, itemWalk));
    return;
  }
  expectWireType(field, wireType, wireTypeOf(field.kind), childPath);
  const value = readValue(reader, field.kind, { ...walk, path: childPath });
  if (field.inline) {
    Object.assign(out, value as Record<string, unknown>);
  } else if (isZero(value) && !(field.keepZero || (isMessage(field.kind) && !field.omitZero))) {
    // Go writes zero scalars of non-pointer fields on the wire; its JSON drops them (omitempty).
    delete out[field.json];
  } else {
    out[field.json] = value;
  }
}

function readMapEntry(bytes: Uint8Array, kind: FieldKind, walk: Walk): [string, unknown] {
  const [, keyKind, ...rest] = kind.split(':');
  const valueKind = rest.join(':') as FieldKind;
  const reader = new WireReader(bytes);
  let key: unknown;
  let value: unknown;
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    if (fieldNumber === 1) {
      if (wireType !== wireTypeOf(keyKind as FieldKind)) throw new MalformedProtobuf(`bad map key in ${walk.path}`);
      key = readValue(reader, keyKind as FieldKind, walk);
    } else if (fieldNumber === 2) {
      if (wireType !== wireTypeOf(valueKind)) throw new MalformedProtobuf(`bad map value in ${walk.path}`);
      value = readValue(reader, valueKind, { ...walk, path: `${walk.path}[${String(key ?? '')}]` });
    } else {
      reader.skip(wireType);
    }
  }
  // A missing key or value is the zero value (protobuf map encoding).
  return [String(key ?? ''), value ?? zeroOf(valueKind, walk)];
}

function readValue(reader: WireReader, kind: FieldKind, walk: Walk): unknown {
  switch (kind) {
    case 'string':
      return reader.string();
    case 'bytes':
      return toBase64(reader.lengthDelimited());
    case 'int32':
      return reader.int32();
    case 'int64':
      return reader.int64();
    case 'bool':
      return reader.bool();
    case 'double':
      return reader.double();
    default:
      if (isMessage(kind)) {
        return decodeMessage(reader.lengthDelimited(), kind.slice('message:'.length), {
          ...walk,
          depth: walk.depth + 1,
        });
      }
      throw new Error(`descriptor kind ${kind} is not known`);
  }
}

function zeroOf(kind: FieldKind, walk: Walk): unknown {
  if (kind === 'string' || kind === 'bytes') return '';
  if (kind === 'bool') return false;
  if (isMessage(kind)) return decodeMessage(new Uint8Array(0), kind.slice('message:'.length), walk);
  return 0;
}

function isMessage(kind: FieldKind): kind is `message:${string}` {
  return kind.startsWith('message:');
}

function isPackable(kind: FieldKind): boolean {
  return kind === 'int32' || kind === 'int64' || kind === 'bool' || kind === 'double';
}

function wireTypeOf(kind: FieldKind): number {
  if (kind === 'int32' || kind === 'int64' || kind === 'bool') return WireType.Varint;
  if (kind === 'double') return WireType.Fixed64;
  return WireType.LengthDelimited;
}

function expectWireType(field: FieldDescriptor, actual: number, expected: number, path: string): void {
  if (actual !== expected) {
    throw new MalformedProtobuf(`field ${field.no} (${path}) has wire type ${actual}, expected ${expected}`);
  }
}

/** A zero in Go's JSON sense: "", 0, false, null, or an empty object (an empty message). */
function isZero(value: unknown): boolean {
  if (value === '' || value === 0 || value === false || value === null) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, as Go's encoding/json writes a []byte. */
function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += BASE64[a >> 2] + BASE64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? BASE64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? BASE64[c & 63] : '=';
  }
  return out;
}
