import { Hono, type Context } from 'hono';
import { errors, StatusError } from '../errors.ts';
import { errorResponse, json } from './respond.ts';
import { parseRequestInfo, type ResourceRequestInfo } from './request-info.ts';
import type { ApiDeps, ApiRequest } from '../handlers/deps.ts';
import type { UserInfo } from '../auth/authenticate.ts';
import { MAX_BODY_BYTES } from '../handlers/decode.ts';
import { impersonate } from './impersonation.ts';
import { routeResourceRequest } from './resource-routes.ts';
import { discoveryRoutes, type OpenApiService } from './discovery-routes.ts';
import { qualifiedName } from '../resources/registry.ts';

/** The peer as the runtime adapter saw it: the verified TLS client certificate, if any. */
export interface PeerInfo {
  clientCertificateDer?: Uint8Array;
  /**
   * Set only by the in-process transport (the server's own controllers and scheduler):
   * requests that never crossed a socket carry their identity here.
   */
  inProcessUser?: UserInfo;
}

export type AppEnv = { Bindings: { peer?: () => PeerInfo } };

export interface Gatekeeper {
  authenticate(peer: PeerInfo, bearerToken: string | undefined): Promise<UserInfo | undefined>;
  /** Undefined when allowed, else the reason shown in the 403 message. */
  authorize(user: UserInfo, info: ReturnType<typeof parseRequestInfo>): string | undefined;
}

export interface AppOptions {
  openapi?: OpenApiService;
  deps: ApiDeps;
  gate: Gatekeeper;
  /** Public, unauthenticated answers (k3s serves the CA at /cacerts without credentials). */
  publicRoutes: Record<string, () => Response>;
  /** Readiness: false until start-up finished, and /readyz answers 503 until then. */
  ready: () => boolean;
  serverAddress: string;
  version: Record<string, string>;
}

/**
 * The API as a Hono app over Web-standard Request/Response: authentication, authorization,
 * body limits, then discovery, OpenAPI and resource routes. Errors become Status objects in
 * errorResponse only.
 */
export function createApiApp(opts: AppOptions): Hono<AppEnv> {
  // strict: false serves /api/ as /api, as Go's mux does for the discovery paths clients call with a slash.
  const app = new Hono<AppEnv>({ strict: false });
  for (const [path, handler] of Object.entries(opts.publicRoutes)) app.get(path, () => handler());

  app.use('*', async (c, next) => {
    const peer = c.env?.peer?.() ?? {};
    if (peer.inProcessUser) {
      c.set('user' as never, peer.inProcessUser as never);
      return next();
    }
    const authz = c.req.header('authorization');
    const bearer = authz && /^bearer /i.test(authz) ? authz.slice(7).trim() : undefined;
    const user = await opts.gate.authenticate(peer, bearer);
    if (!user) return json(401, errors.unauthorized().toStatus());
    try {
      c.set('user' as never, impersonate(c.req.raw.headers, user, opts.deps.access.authorize) as never);
    } catch (err) {
      return errorResponse(err);
    }
    await next();
  });

  app.get('/healthz', () => health(opts.ready()));
  app.get('/livez', () => health(true));
  app.get('/readyz', () => health(opts.ready()));
  app.get('/healthz/*', () => health(true));
  app.get('/livez/*', () => health(true));
  app.get('/readyz/*', () => health(opts.ready()));
  app.get('/version', () => json(200, opts.version));
  discoveryRoutes(app, opts);

  app.all('*', async (c) => {
    try {
      return await resourceRequest(c, opts);
    } catch (err) {
      return errorResponse(err);
    }
  });
  app.onError((err) => errorResponse(err));
  return app;
}

function health(ok: boolean): Response {
  return new Response(ok ? 'ok' : 'not ready', { status: ok ? 200 : 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function resourceRequest(c: Context<AppEnv>, opts: AppOptions): Promise<Response> {
  const url = new URL(c.req.url);
  const user = c.get('user' as never) as UserInfo;
  const info = parseRequestInfo(c.req.method, url.pathname, url.searchParams);
  if (!info.isResourceRequest) {
    const denied = opts.gate.authorize(user, info);
    if (denied) throw errors.forbidden(`forbidden: User "${user.username}" cannot ${info.verb} path "${info.path}"`);
    throw errors.noResource();
  }
  const resource = opts.deps.registry.lookup(info.group, info.version, info.resource);
  if (!resource) {
    // Upstream's exact answer for a path no resource serves (kubectl prints it verbatim).
    throw errors.noResource();
  }
  const denied = opts.gate.authorize(user, info);
  if (denied) throw forbidden(user, info, denied);
  const rawBody = await readBody(c.req.raw);
  const req: ApiRequest = {
    info,
    resource,
    query: url.searchParams,
    headers: c.req.raw.headers,
    rawBody,
    body: rawBody && new TextDecoder().decode(rawBody),
    contentType: c.req.header('content-type') ?? '',
    user,
    signal: c.req.raw.signal,
  };
  return routeResourceRequest(opts.deps, req);
}

/** kube-apiserver's Forbidden message: `pods "x" is forbidden: User "u" cannot get resource "pods" in API group "" in the namespace "ns"`. */
function forbidden(user: UserInfo, info: ResourceRequestInfo, reason: string): StatusError {
  const res = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const where = info.namespace ? ` in the namespace "${info.namespace}"` : info.resource === 'namespaces' ? '' : ' at the cluster scope';
  const subject = info.name ? `${qualifiedName({ resource: info.resource, group: info.group })} "${info.name}"` : qualifiedName({ resource: info.resource, group: info.group });
  const tail = reason ? `: ${reason}` : '';
  return errors.forbidden(
    `${subject} is forbidden: User "${user.username}" cannot ${info.verb} resource "${res}" in API group "${info.group}"${where}${tail}`,
    { name: info.name || undefined, group: info.group || undefined, kind: info.resource },
  );
}

/** Reads the body with upstream's 3 MiB limit, rejecting early on Content-Length. */
async function readBody(req: Request): Promise<Uint8Array | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) throw errors.tooLarge();
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
