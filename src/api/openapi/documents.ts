import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../resources/types.ts';
import { customDefinitionsOf, type CustomSchemas } from './custom-definitions.ts';
import { commonDefinitions, groupVersionPath, pathsOf } from './operations.ts';
import { renderPaths } from './render-paths.ts';
import { renderSchemas } from './render-schemas.ts';

export type { CustomSchemas } from './custom-definitions.ts';

/** The kube-apiserver version the built-in definitions come from (info.version). */
const SPEC_VERSION = 'v1.34.0';

/**
 * The OpenAPI 3.0 document of one group/version (`GET /openapi/v3/apis/apps/v1`), computed
 * from the resources served there, as kube-apiserver publishes one document per group version.
 */
export function openApiV3Document(options: { group: string; version: string; resources: ResourceInfo[]; customSchemas?: CustomSchemas }): Record<string, unknown> {
  const resources = options.resources.filter((r) => r.group === options.group && r.version === options.version);
  const { paths, roots } = renderPaths(resources.flatMap(pathsOf), 'v3');
  const custom = customDefinitionsOf(resources, () => options.customSchemas);
  const schemas = renderSchemas({ roots: [...roots, ...commonDefinitions], custom, dialect: 'v3' });
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SPEC_VERSION },
    paths,
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
    security: [{ BearerToken: [] }],
  };
}

/** The swagger 2.0 document of every served resource (`GET /openapi/v2`). */
export function openApiV2Document(options: { resources: ResourceInfo[]; customSchemas?: (group: string, version: string) => CustomSchemas | undefined }): Record<string, unknown> {
  const { paths, roots } = renderPaths(options.resources.flatMap(pathsOf), 'v2');
  const custom = customDefinitionsOf(options.resources, options.customSchemas ?? (() => undefined));
  const definitions = renderSchemas({ roots: [...roots, ...commonDefinitions], custom, dialect: 'v2' });
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: SPEC_VERSION },
    paths,
    definitions,
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
}

/** `v1` -> `api/v1`, `apps/v1` -> `apis/apps/v1`: the key of a group version in the v3 index. */
export function v3PathOf(apiVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return groupVersionPath(group!, version!).slice(1);
}

/**
 * The `/openapi/v3` discovery document. Each entry's `hash` must be the hash of the document
 * served at that URL: client-go's cached OpenAPI v3 client fetches `serverRelativeURL` and
 * keeps the response for as long as the hash stays the same.
 */
export function openApiV3Index(gvs: string[], hashOf: (apiVersion: string) => string): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of [...gvs].sort((a, b) => (v3PathOf(a) < v3PathOf(b) ? -1 : 1))) {
    const path = v3PathOf(gv);
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hashOf(gv)}` };
  }
  return { paths };
}

/** As kube-apiserver: the upper-case hex SHA-512 of the served bytes. */
export function documentHash(bytes: string | Uint8Array): string {
  return createHash('sha512').update(bytes).digest('hex').toUpperCase();
}
