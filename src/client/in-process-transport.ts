import { encodeRequest, pathWithQuery, type Transport } from './transport.ts';

/** Requests built here never leave the process; the origin only makes the URL absolute. */
const IN_PROCESS_ORIGIN = 'http://in-process.skiff.local';

/**
 * A transport over a fetch function that reaches the API without a socket: the server hands
 * its own controllers and scheduler `ApiServer.inProcessFetch(user)`, already authenticated as
 * that user. Taking the function (not the server) keeps src/client free of src/api imports.
 *
 * @example
 * const transport = inProcessTransport(apiServer.inProcessFetch({ username: 'system:kube-scheduler', groups: [] }));
 */
export function inProcessTransport(fetch: (request: Request) => Promise<Response>): Transport {
  return {
    async request(req) {
      const { headers, body } = encodeRequest(req);
      const request = new Request(IN_PROCESS_ORIGIN + pathWithQuery(req.path, req.query), {
        method: req.method,
        headers,
        body: body as BodyInit | undefined,
        signal: req.signal,
      });
      const response = await fetch(request);
      if (!req.signal || !response.body) return response;
      // As a real fetch does, an abort ends the body: a watch's reader wakes with an AbortError
      // instead of waiting for the server side to notice.
      const aborting = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal: req.signal });
      return new Response(aborting, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  };
}
