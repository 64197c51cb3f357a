import type { Hono } from 'hono';
import { json, errorResponse } from './respond.ts';
import { errors } from '../errors.ts';
import { apiVersions, apiGroupList, apiGroup, apiResourceList } from '../discovery/legacy.ts';
import { aggregatedDiscovery, wantsAggregated } from '../discovery/aggregated.ts';
import type { AppEnv, AppOptions } from './app.ts';

/** OpenAPI answers; the server wires the document builders in (they load schemas lazily). */
export interface OpenApiService {
  v2(accept: string | null): Response;
  v3Index(): Response;
  v3(groupVersionPath: string): Response;
}

/** Discovery (legacy and aggregated) and OpenAPI routes. */
export function discoveryRoutes(app: Hono<AppEnv>, opts: AppOptions & { openapi?: OpenApiService }): void {
  const { registry } = opts.deps;
  const aggregated = (legacy: boolean, accept: string | null): Response | undefined => {
    const version = wantsAggregated(accept);
    if (!version) return undefined;
    return json(200, aggregatedDiscovery(registry, legacy, `apidiscovery.k8s.io/${version}`), {
      'content-type': `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
      vary: 'Accept',
    });
  };
  app.get('/api', (c) => aggregated(true, c.req.header('accept') ?? null) ?? json(200, apiVersions(opts.serverAddress)));
  app.get('/apis', (c) => aggregated(false, c.req.header('accept') ?? null) ?? json(200, apiGroupList(registry)));
  app.get('/api/v1', () => json(200, apiResourceList(registry, '', 'v1')));
  app.get('/apis/:group', (c) => {
    const group = c.req.param('group');
    const found = registry.groups().find((g) => g.group === group);
    if (!found) return errorResponse(errors.noResource());
    return json(200, apiGroup(found.group, found.versions));
  });
  app.get('/apis/:group/:version', (c) => {
    const { group, version } = c.req.param();
    if (registry.inGroupVersion(group, version).length === 0) return errorResponse(errors.noResource());
    return json(200, apiResourceList(registry, group, version));
  });
  app.get('/openapi/v2', (c) => (opts.openapi ? opts.openapi.v2(c.req.header('accept') ?? null) : errorResponse(errors.noResource())));
  app.get('/openapi/v3', () => (opts.openapi ? opts.openapi.v3Index() : errorResponse(errors.noResource())));
  app.get('/openapi/v3/*', (c) => {
    const path = new URL(c.req.url).pathname.slice('/openapi/v3/'.length);
    return opts.openapi ? opts.openapi.v3(path) : errorResponse(errors.noResource());
  });
}
