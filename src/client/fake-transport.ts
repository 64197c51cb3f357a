import type { Transport, TransportRequest } from './transport.ts';

/**
 * A Transport answered by a function, recording every request: for unit tests of anything
 * built on src/client (the contract a real server honours is proven by the e2e suites).
 */
export class FakeTransport implements Transport {
  readonly requests: TransportRequest[] = [];

  constructor(private readonly answer: (req: TransportRequest) => Response | Promise<Response>) {}

  async request(req: TransportRequest): Promise<Response> {
    this.requests.push(req);
    return this.answer(req);
  }
}

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A streamed body delivered in exactly these chunks (one read each), then closed. */
export function chunkedStream(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= chunks.length) return controller.close();
      const chunk = chunks[next++];
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
  }, { highWaterMark: 0 });
}
