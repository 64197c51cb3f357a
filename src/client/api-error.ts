import type { Status } from './object.ts';

/**
 * A failed API call: the server's Status, or one made up from the HTTP status when the answer
 * was not a Status (as client-go's NewGenericServerResponse does). Watch ERROR events surface
 * as this error too, so a 410 Expired reads the same whether it came as an HTTP answer or as
 * an event in the stream.
 */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly status: Status;

  constructor(status: Status) {
    super(status.message ?? `the server answered ${status.code ?? 'an error'}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = status.code ?? 0;
    this.reason = status.reason ?? 'Unknown';
  }
}

/** Reasons and messages for answers without a Status body, after apimachinery's errors.NewGenericServerResponse. */
const GENERIC: Record<number, [reason: string, message: string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  403: ['Forbidden', 'the server does not allow access to the requested resource'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  406: ['NotAcceptable', 'the server was unable to respond with a content type that the client supports'],
  409: ['Conflict', 'the server reported a conflict'],
  410: ['Gone', 'the server has asked for the client to restart the request'],
  413: ['RequestEntityTooLarge', 'the server has rejected the request because it is too large'],
  415: ['UnsupportedMediaType', 'the server was unable to respond with a content type that the client supports'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  500: ['InternalError', 'an error on the server has prevented the request from succeeding'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

/** Reads a non-2xx answer into an ApiError. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return apiErrorFromBody(response.status, text);
}

export function apiErrorFromBody(code: number, text: string): ApiError {
  const parsed = parseJson(text);
  if (parsed && typeof parsed === 'object' && (parsed as Status).kind === 'Status') {
    const status = parsed as Status;
    return new ApiError({ ...status, code: status.code || code });
  }
  const [reason, message] = GENERIC[code] ?? ['Unknown', `an error on the server ("${text.trim().slice(0, 200)}") has prevented the request from succeeding`];
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hasCode(err: unknown, code: number): err is ApiError {
  return err instanceof ApiError && err.code === code;
}

export const isNotFound = (err: unknown): err is ApiError => hasCode(err, 404);
export const isConflict = (err: unknown): err is ApiError => hasCode(err, 409);
export const isAlreadyExists = (err: unknown): err is ApiError => err instanceof ApiError && err.reason === 'AlreadyExists';
/** A watch or list from a compacted resourceVersion (apimachinery's IsResourceExpired or IsGone): re-list. */
export const isResourceExpired = (err: unknown): err is ApiError => hasCode(err, 410);
