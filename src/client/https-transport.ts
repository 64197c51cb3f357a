import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { encodeRequest, pathWithQuery, type Transport } from './transport.ts';

export interface HttpsTransportOptions {
  /** `https://host:port`, as a kubeconfig's `clusters[].cluster.server`. */
  server: string;
  /** The cluster CA the serving certificate must chain to. */
  caPem?: string;
  /** A client certificate and key (x509 authentication). */
  certPem?: string;
  keyPem?: string;
  bearerToken?: string;
  /** kubeconfig's insecure-skip-tls-verify: trust any serving certificate. */
  insecureSkipTlsVerify?: boolean;
  /** Upper bound on parallel connections (default 64); watches hold one each. */
  maxSockets?: number;
}

/** Statuses whose answers have no body: the Response constructor refuses one for them. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A transport over `node:https` with a keep-alive Agent (TCP keep-alive probes included, so a
 * watch on a dead connection eventually fails instead of hanging). `node:https` rather than
 * `fetch`: it takes a CA and a client certificate the same way on Node, Bun and Deno.
 *
 * @example
 * const transport = httpsTransport({ server: 'https://10.0.0.1:6443', caPem, certPem, keyPem });
 */
export function httpsTransport(options: HttpsTransportOptions): Transport & { close(): void } {
  const base = new URL(options.server);
  if (base.protocol !== 'https:') throw new Error(`server must be an https:// URL, got "${options.server}"`);
  const host = base.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = base.port ? Number(base.port) : 443;
  const prefix = base.pathname.replace(/\/$/, '');
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    ca: options.caPem,
    cert: options.certPem,
    key: options.keyPem,
    rejectUnauthorized: !options.insecureSkipTlsVerify,
  });
  return {
    request(req) {
      const { headers, body } = encodeRequest(req);
      if (options.bearerToken && !headers.authorization) headers.authorization = `Bearer ${options.bearerToken}`;
      if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      return new Promise<Response>((resolve, reject) => {
        if (req.signal?.aborted) return reject(req.signal.reason);
        const outgoing = httpsRequest(
          {
            host,
            port,
            method: req.method,
            path: prefix + pathWithQuery(req.path, req.query),
            headers,
            agent,
            // SNI carries host names only; an IP is checked against the certificate's IP SANs.
            servername: isIP(host) ? undefined : host,
            signal: req.signal,
          },
          (incoming) => resolve(toResponse(incoming)),
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** Wraps Node's answer as a Web Response whose body streams with back-pressure. */
function toResponse(incoming: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const status = incoming.statusCode ?? 0;
  const init = { status, statusText: incoming.statusMessage ?? '', headers };
  if (NULL_BODY_STATUSES.has(status)) {
    incoming.resume();
    return new Response(null, init);
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let settled = false;
      const finish = (err?: unknown) => {
        if (settled) return;
        settled = true;
        if (err === undefined) controller.close();
        else controller.error(err);
      };
      incoming.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) incoming.pause();
      });
      incoming.on('end', () => finish());
      // A reset connection or an abort mid-stream: the reader sees an error, never a clean end.
      incoming.on('error', (err) => finish(err));
      incoming.on('close', () => finish(new Error('the connection closed before the answer ended')));
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      incoming.destroy();
    },
  }, { highWaterMark: 16 });
  return new Response(body, init);
}
