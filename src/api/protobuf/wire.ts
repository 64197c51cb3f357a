/**
 * A minimal protobuf wire-format reader: tags, varints, fixed 64-bit values and
 * length-delimited slices, with every read bounds-checked.
 *
 * Written here rather than taken from `@bufbuild/protobuf/wire` because that reader
 * lets a varint run past the end of the buffer without complaint, and a request body
 * is untrusted input: every malformation must surface as a `MalformedProtobuf` so the
 * caller can answer 400 instead of decoding garbage.
 */

/** Wire types of the protobuf encoding (https://protobuf.dev/programming-guides/encoding/). */
export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;

/** Thrown for bytes that are not a well-formed protobuf message. */
export class MalformedProtobuf extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedProtobuf';
  }
}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads one message's bytes front to back.
 *
 * @example
 * const reader = new WireReader(bytes);
 * while (!reader.done()) {
 *   const { fieldNumber, wireType } = reader.tag();
 *   if (fieldNumber === 1 && wireType === WireType.LengthDelimited) name = reader.string();
 *   else reader.skip(wireType);
 * }
 */
export class WireReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  tag(): { fieldNumber: number; wireType: number } {
    const tag = this.varint();
    const fieldNumber = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (fieldNumber < 1 || fieldNumber > 0x1fffffff || wireType > 5) {
      throw new MalformedProtobuf(`illegal tag ${tag} at byte ${this.pos}`);
    }
    return { fieldNumber, wireType };
  }

  /** An unsigned varint used as a tag or a length: values past 2^53 are malformed here. */
  varint(): number {
    const value = this.varint64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedProtobuf(`varint ${value} is too large`);
    return Number(value);
  }

  /**
   * A varint read as Go reads an int64 (two's complement, so 2^64 - 1 is -1), as a JS number.
   * Values past 2^53 lose precision, as they would through JSON.parse on the JSON path.
   */
  int64(): number {
    return Number(BigInt.asIntN(64, this.varint64()));
  }

  /** A varint read as Go reads an int32: the low 32 bits, signed (negatives arrive as 10 bytes). */
  int32(): number {
    return Number(BigInt.asIntN(32, this.varint64()));
  }

  private varint64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.bytes.length) throw new MalformedProtobuf('truncated varint');
      const byte = this.bytes[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new MalformedProtobuf('varint longer than 10 bytes');
  }

  bool(): boolean {
    return this.varint64() !== 0n;
  }

  double(): number {
    const chunk = this.take(8);
    return new DataView(chunk.buffer, chunk.byteOffset, 8).getFloat64(0, true);
  }

  /** The payload of a length-delimited field, without copying. */
  lengthDelimited(): Uint8Array {
    const length = this.varint();
    return this.take(length);
  }

  string(): string {
    return utf8.decode(this.lengthDelimited());
  }

  /** Skips the value of a field this reader was not asked to interpret. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.Varint:
        this.varint();
        return;
      case WireType.Fixed64:
        this.take(8);
        return;
      case WireType.LengthDelimited:
        this.lengthDelimited();
        return;
      case WireType.Fixed32:
        this.take(4);
        return;
      default:
        // Groups are a proto1 relic no Kubernetes message uses.
        throw new MalformedProtobuf(`unsupported wire type ${wireType}`);
    }
  }

  private take(length: number): Uint8Array {
    if (length > this.bytes.length - this.pos) {
      throw new MalformedProtobuf(`field length ${length} runs past the end of the message`);
    }
    const chunk = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return chunk;
  }
}
