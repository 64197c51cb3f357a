import { errors, StatusError } from '../errors.ts';
import { decodeMessage } from './decode-message.ts';
import { MESSAGES, messageForKind } from './descriptors/index.ts';
import { MalformedProtobuf, WireReader, WireType } from './wire.ts';

/** The media type of Kubernetes' protobuf encoding, as client-go's typed clients send it. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** Every protobuf body starts with these bytes: `k8s` and a zero (apimachinery's protobuf serializer). */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

export interface DecodedProtobufObject {
  apiVersion: string;
  kind: string;
  /** The object as the JSON path would have received it, apiVersion and kind included. */
  object: Record<string, unknown>;
}

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/**
 * Decodes a `application/vnd.kubernetes.protobuf` request body into the plain JSON object
 * a JSON client would have sent for the same Go object.
 *
 * The body is the magic `k8s\0` then a runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind},
 * 2 raw, 3 contentEncoding, 4 contentType} whose `raw` is the object's own message.
 *
 * Errors: a kind or field number this server has no descriptor for is a 415
 * UnsupportedMediaType naming it (the client should send JSON instead); bytes that do
 * not parse are a 400 BadRequest.
 *
 * @example
 * const { object } = decodeKubernetesProtobuf(new Uint8Array(await request.arrayBuffer()));
 * // { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } }
 */
export function decodeKubernetesProtobuf(body: Uint8Array): DecodedProtobufObject {
  if (body.length === 0) throw errors.badRequest('the body of the request was empty');
  if (body.length < MAGIC.length || MAGIC.some((byte, i) => body[i] !== byte)) {
    // As apimachinery's protobuf serializer words it.
    throw errors.badRequest(
      `provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(' ')}]`,
    );
  }
  try {
    const envelope = readEnvelope(body.subarray(MAGIC.length));
    const object = { apiVersion: envelope.apiVersion, kind: envelope.kind, ...decodeRaw(envelope) };
    return { apiVersion: envelope.apiVersion, kind: envelope.kind, object };
  } catch (err) {
    if (err instanceof StatusError) throw err;
    const reason = err instanceof MalformedProtobuf ? err.message : String((err as Error)?.message ?? err);
    throw errors.badRequest(`unable to decode the protobuf body: ${reason}`);
  }
}

function readEnvelope(bytes: Uint8Array): Envelope {
  const envelope: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  const reader = new WireReader(bytes);
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    if (wireType !== WireType.LengthDelimited) {
      reader.skip(wireType);
      continue;
    }
    if (fieldNumber === 1) Object.assign(envelope, readTypeMeta(reader.lengthDelimited()));
    else if (fieldNumber === 2) envelope.raw = reader.lengthDelimited();
    else if (fieldNumber === 3) envelope.contentEncoding = reader.string();
    else if (fieldNumber === 4) envelope.contentType = reader.string();
    else reader.skip(wireType);
  }
  if (envelope.kind === '') throw errors.badRequest('the protobuf body does not name the kind of its object');
  return envelope;
}

function readTypeMeta(bytes: Uint8Array): { apiVersion: string; kind: string } {
  const typeMeta = { apiVersion: '', kind: '' };
  const reader = new WireReader(bytes);
  while (!reader.done()) {
    const { fieldNumber, wireType } = reader.tag();
    if (fieldNumber === 1 && wireType === WireType.LengthDelimited) typeMeta.apiVersion = reader.string();
    else if (fieldNumber === 2 && wireType === WireType.LengthDelimited) typeMeta.kind = reader.string();
    else reader.skip(wireType);
  }
  return typeMeta;
}

function decodeRaw(envelope: Envelope): Record<string, unknown> {
  if (envelope.contentEncoding !== '') {
    throw errors.unsupportedMediaType(
      `protobuf content encoding "${envelope.contentEncoding}" is not supported by this server`,
    );
  }
  const contentType = envelope.contentType.split(';')[0].trim().toLowerCase();
  if (contentType === 'application/json') return parseJsonRaw(envelope.raw);
  if (contentType !== '' && contentType !== PROTOBUF_MEDIA_TYPE) {
    throw errors.unsupportedMediaType(`protobuf envelope content type "${envelope.contentType}" is not supported`);
  }
  const messageName = messageForKind(envelope.apiVersion, envelope.kind);
  if (!messageName) {
    throw errors.unsupportedMediaType(
      `kind ${envelope.kind} in ${envelope.apiVersion || 'the core group'} cannot be decoded from protobuf by this server; ` +
        'send it as application/json',
    );
  }
  return decodeMessage(envelope.raw, messageName, { messages: MESSAGES, path: '', depth: 0 }) as Record<
    string,
    unknown
  >;
}

/** An envelope may carry a JSON object in `raw` (runtime.Unknown with contentType application/json). */
function parseJsonRaw(raw: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(raw));
  } catch (err) {
    throw new MalformedProtobuf(`the JSON object inside the envelope does not parse: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedProtobuf('the JSON inside the envelope is not an object');
  }
  return value as Record<string, unknown>;
}
