import { StatusError } from '../errors.ts';

/** A JSON response; `body` may already be serialised (cached objects are). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The one place a thrown error becomes a Kubernetes Status response. */
export function errorResponse(err: unknown): Response {
  if (err instanceof StatusError) {
    // As kube-apiserver: a Status with retryAfterSeconds also says so in Retry-After (429, 504).
    const retry = err.details?.retryAfterSeconds;
    return json(err.code, err.toStatus(), retry ? { 'retry-after': String(retry) } : {});
  }
  const message = err instanceof Error ? err.message : String(err);
  return json(500, new StatusError(500, 'InternalError', `Internal error occurred: ${message}`).toStatus());
}

export function successStatus(details: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}
