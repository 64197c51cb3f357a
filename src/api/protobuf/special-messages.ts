import { MalformedProtobuf, WireReader, WireType } from './wire.ts';

/**
 * Messages whose Go types marshal themselves: their JSON form is not the object their
 * proto fields suggest (a Time is a string, a Quantity a string, an IntOrString a number
 * or a string). Each renderer takes the message bytes and returns the JSON value Go's
 * JSON encoder would write for the decoded Go value.
 */
export type SpecialRenderer = (bytes: Uint8Array) => unknown;

/** Reads a message's fields into number -> last value, for the tiny messages below. */
function readFields(bytes: Uint8Array, read: Record<number, (reader: WireReader) => unknown>): Map<number, unknown> {
  const reader = new WireReader(bytes);
  const values = new Map<number, unknown>();
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    const readValue = read[fieldNumber];
    if (!readValue) {
      reader.skip(wireType);
      continue;
    }
    values.set(fieldNumber, readValue(reader));
  }
  return values;
}

/** The UTC calendar form of Unix seconds, as Go's `time.RFC3339` prints it. */
function rfc3339(seconds: number, fraction = ''): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new MalformedProtobuf(`time ${seconds} is out of range`);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new MalformedProtobuf(`time ${seconds} is out of range`);
  return `${date.toISOString().slice(0, 19)}${fraction}Z`;
}

function timestampOf(bytes: Uint8Array): { seconds: number; nanos: number } {
  const fields = readFields(bytes, { 1: (r) => r.int64(), 2: (r) => r.int32() });
  return { seconds: (fields.get(1) as number | undefined) ?? 0, nanos: (fields.get(2) as number | undefined) ?? 0 };
}

/**
 * metav1.Time: {1 seconds, 2 nanos}. As apimachinery's time_proto.go, an empty message is
 * the zero time (JSON null) and nanoseconds are dropped, since the JSON form carries
 * whole seconds only.
 */
function renderTime(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  return rfc3339(timestampOf(bytes).seconds);
}

/** metav1.MicroTime: as Time, keeping microseconds (`2024-01-02T03:04:05.000000Z`). */
function renderMicroTime(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  const { seconds, nanos } = timestampOf(bytes);
  if (nanos < 0 || nanos > 999_999_999) throw new MalformedProtobuf(`nanos ${nanos} is out of range`);
  const micros = Math.floor(nanos / 1000);
  return rfc3339(seconds, `.${String(micros).padStart(6, '0')}`);
}

/** resource.Quantity: {1 string}. The zero Quantity prints as "0" in Go's JSON. */
function renderQuantity(bytes: Uint8Array): unknown {
  const text = readFields(bytes, { 1: (r) => r.string() }).get(1) as string | undefined;
  return text === undefined || text === '' ? '0' : text;
}

/** intstr.IntOrString: {1 type (0 int, 1 string), 2 intVal, 3 strVal}. */
function renderIntOrString(bytes: Uint8Array): unknown {
  const fields = readFields(bytes, { 1: (r) => r.int64(), 2: (r) => r.int32(), 3: (r) => r.string() });
  if (fields.get(1) === 1) return (fields.get(3) as string | undefined) ?? '';
  return (fields.get(2) as number | undefined) ?? 0;
}

function parseEmbeddedJson(raw: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(raw));
  } catch (err) {
    throw new MalformedProtobuf(`${what} does not hold JSON: ${(err as Error).message}`);
  }
}

/** metav1.FieldsV1: {1 Raw} where Raw is the JSON field set of a managedFields entry. */
function renderFieldsV1(bytes: Uint8Array): unknown {
  const raw = readFields(bytes, { 1: (r) => r.lengthDelimited() }).get(1) as Uint8Array | undefined;
  return raw === undefined || raw.length === 0 ? null : parseEmbeddedJson(raw, 'fieldsV1');
}

/**
 * runtime.RawExtension: {1 raw}. Go's JSON encoder writes the raw bytes as they are, so
 * they must be JSON (an embedded object encoded as protobuf would need its own envelope,
 * which no client sends in a request body Skiff accepts).
 */
function renderRawExtension(bytes: Uint8Array): unknown {
  const raw = readFields(bytes, { 1: (r) => r.lengthDelimited() }).get(1) as Uint8Array | undefined;
  return raw === undefined || raw.length === 0 ? null : parseEmbeddedJson(raw, 'a RawExtension');
}

/**
 * `type ExtraValue []string` and friends: go-to-protobuf wraps a named slice in a message
 * {1 repeated items}, while Go's JSON writes the plain array.
 */
function renderStringList(bytes: Uint8Array): unknown {
  const reader = new WireReader(bytes);
  const items: string[] = [];
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    if (fieldNumber === 1 && wireType === WireType.LengthDelimited) items.push(reader.string());
    else reader.skip(wireType);
  }
  return items;
}

export const SPECIAL_MESSAGES: Record<string, SpecialRenderer> = {
  'meta.v1.Time': renderTime,
  'meta.v1.MicroTime': renderMicroTime,
  'resource.Quantity': renderQuantity,
  'intstr.IntOrString': renderIntOrString,
  'meta.v1.FieldsV1': renderFieldsV1,
  'runtime.RawExtension': renderRawExtension,
  'authorization.v1.ExtraValue': renderStringList,
  'authentication.v1.ExtraValue': renderStringList,
  'authentication.v1.AttestationValue': renderStringList,
  'certificates.v1.ExtraValue': renderStringList,
};
