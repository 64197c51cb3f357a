import { loadKubeYaml } from '../meta/yaml.ts';
import { errors } from '../errors.ts';
import { checkDepth } from './json-depth.ts';
import type { KubeObject } from '../meta/object.ts';
import { apiVersionOf } from '../meta/object.ts';
import type { ResourceInfo } from '../resources/types.ts';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from '../protobuf/decode.ts';

/**
 * A request's body as an object: JSON, YAML, or Kubernetes protobuf (kubectl >= 1.32 sends
 * built-in kinds from its typed clients that way; answers stay JSON).
 */
export function decodeRequestBody(req: { body?: string; rawBody?: Uint8Array; contentType: string }): Record<string, unknown> {
  const media = req.contentType.split(';')[0].trim().toLowerCase();
  if (media === PROTOBUF_MEDIA_TYPE) {
    if (!req.rawBody || req.rawBody.byteLength === 0) throw errors.badRequest('the body of the request was empty');
    return decodeKubernetesProtobuf(req.rawBody).object;
  }
  return decodeBody(req.body, req.contentType);
}

/** Upstream's limit for a request body (kube-apiserver's maxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Parses a JSON or YAML request body into a plain object, with upstream's 400/415 answers. */
export function decodeBody(text: string | undefined, contentType: string): Record<string, unknown> {
  if (text === undefined || text.trim() === '') throw errors.badRequest('the body of the request was empty');
  const media = contentType.split(';')[0].trim().toLowerCase();
  let value: unknown;
  if (media === 'application/yaml' || media === 'application/apply-patch+yaml' || media === 'text/yaml') {
    try {
      value = loadKubeYaml(text);
    } catch (err) {
      throw errors.badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
    }
  } else if (media === '' || media === 'application/json' || media.endsWith('+json') || media === '*/*') {
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw errors.badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
    }
  } else {
    throw errors.unsupportedMediaType(
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  }
  checkDepth(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw errors.badRequest(`the body of the request must be a JSON or YAML object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Checks the object's apiVersion/kind against the endpoint, defaulting them when absent
 * (the decoder defaults to the endpoint's kind, as kube-apiserver's does).
 */
export function checkTypeMeta(obj: Record<string, unknown>, info: ResourceInfo, expectedKind = info.kind): KubeObject {
  const expectedApiVersion = apiVersionOf(info.group, info.version);
  if (obj.apiVersion === undefined || obj.apiVersion === '') obj.apiVersion = expectedApiVersion;
  if (obj.kind === undefined || obj.kind === '') obj.kind = expectedKind;
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    throw errors.badRequest('apiVersion and kind must be strings');
  }
  if (obj.apiVersion !== expectedApiVersion) {
    throw errors.badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${expectedApiVersion})`,
    );
  }
  if (obj.kind !== expectedKind) {
    throw errors.badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${expectedKind})`);
  }
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) {
    throw errors.badRequest('metadata must be an object');
  }
  return obj as KubeObject;
}
