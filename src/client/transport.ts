/**
 * The seam between src/client and the API (DESIGN.md §6): everything above speaks Web-standard
 * Request/Response shapes through this interface, so controllers, the scheduler and the agent
 * never import src/api or src/store. Implementations: https-transport.ts (a socket, for the
 * agent and remote tools) and in-process-transport.ts (the server's own components).
 */
export type QueryValue = string | string[] | undefined;

export interface TransportRequest {
  method: string;
  /** The absolute API path, such as `/api/v1/namespaces/default/pods`. */
  path: string;
  /** Undefined values are left out; arrays repeat the parameter. */
  query?: Record<string, QueryValue>;
  /** JSON-serialised unless already a string or bytes, which are sent as they are. */
  body?: unknown;
  /** Default `application/json` when there is a body. */
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Transport {
  /** Resolves with the answer whatever its status; a watch's body is a stream. */
  request(req: TransportRequest): Promise<Response>;
}

/** `path?query`, encoded as Go's url.Values.Encode does (sorted keys, repeated for arrays). */
export function pathWithQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The bytes and headers a request puts on the wire, shared by both transports. */
export function encodeRequest(req: TransportRequest): { headers: Record<string, string>; body?: string | Uint8Array } {
  const headers: Record<string, string> = { accept: 'application/json', ...lowerCaseKeys(req.headers ?? {}) };
  if (req.body === undefined) return { headers };
  const body = typeof req.body === 'string' || req.body instanceof Uint8Array ? req.body : JSON.stringify(req.body);
  headers['content-type'] = req.contentType ?? headers['content-type'] ?? 'application/json';
  return { headers, body };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
