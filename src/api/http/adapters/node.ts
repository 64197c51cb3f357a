import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv, PeerInfo } from '../app.ts';

export interface HttpsListenOptions {
  app: Hono<AppEnv>;
  host: string;
  port: number;
  certPem: string;
  keyPem: string;
  /** CA that client certificates must chain to (the client CA). */
  clientCaPem: string;
}

/**
 * The Node adapter: an HTTPS server that asks for (but does not require) a client
 * certificate, verified by TLS against the client CA, and hands it to the app as PeerInfo.
 * The only Node-specific code of the API; Bun and Deno get adapters of their own.
 */
export async function listenHttps(opts: HttpsListenOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const listener = getRequestListener((req, env) => {
    const incoming = (env as { incoming: IncomingMessage }).incoming;
    return opts.app.fetch(req, { peer: () => peerOf(incoming) });
  });
  const server = createServer(
    {
      cert: opts.certPem,
      key: opts.keyPem,
      ca: opts.clientCaPem,
      requestCert: true,
      rejectUnauthorized: false,
      // kubectl and client-go keep connections alive; watches hold them for a long time.
      keepAlive: true,
      // Go's default header limit is 1 MiB; Node's 16 KiB refuses long label selectors.
      maxHeaderSize: 1024 * 1024,
    },
    (req, res) => void listener(req, res),
  );
  server.keepAliveTimeout = 65_000;
  // As kube-apiserver's ReadHeaderTimeout (32 s): a client that never finishes its headers is cut off.
  server.headersTimeout = 32_000;
  // Receiving a whole request (not answering it: watches stream for long) gets a minute.
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One certificate read per TLS connection: clients keep connections alive for many requests. */
const peers = new WeakMap<TLSSocket, PeerInfo>();

function peerOf(req: IncomingMessage): PeerInfo {
  const socket = req.socket as TLSSocket;
  const known = peers.get(socket);
  if (known) return known;
  let peer: PeerInfo = {};
  if (socket.authorized) {
    const cert = socket.getPeerCertificate();
    if (cert?.raw) peer = { clientCertificateDer: new Uint8Array(cert.raw) };
  }
  peers.set(socket, peer);
  return peer;
}
