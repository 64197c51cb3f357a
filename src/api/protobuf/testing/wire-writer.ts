/**
 * Test-only: builds protobuf bytes by hand (tags, varints, length-delimited fields), so
 * tests state the exact wire form they feed the decoder, independent of its tables.
 */

function varint(value: bigint): number[] {
  let rest = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? byte | 0x80 : byte);
  } while (rest > 0n);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A varint field (int32, int64, bool); negative numbers take ten bytes, as Go writes them. */
export function varintField(no: number, value: number | bigint | boolean): Uint8Array {
  const number = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
  return new Uint8Array([...varint(BigInt(no << 3)), ...varint(number)]);
}

/** A length-delimited field: a string, raw bytes, or an embedded message's parts. */
export function bytesField(no: number, ...parts: (Uint8Array | string)[]): Uint8Array {
  const payload = concat(...parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p)));
  return concat(new Uint8Array([...varint(BigInt((no << 3) | 2)), ...varint(BigInt(payload.length))]), payload);
}

/** A full request body: `k8s\0` and a runtime.Unknown around the object's message. */
export function envelope(options: {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding?: string;
  contentType?: string;
}): Uint8Array {
  return concat(
    new Uint8Array([0x6b, 0x38, 0x73, 0x00]),
    bytesField(1, bytesField(1, options.apiVersion), bytesField(2, options.kind)),
    bytesField(2, options.raw),
    options.contentEncoding === undefined ? new Uint8Array(0) : bytesField(3, options.contentEncoding),
    options.contentType === undefined ? new Uint8Array(0) : bytesField(4, options.contentType),
  );
}
