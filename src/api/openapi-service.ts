import type { ResourceRegistry } from './resources/registry.ts';
import type { OpenApiService } from './http/discovery-routes.ts';
import { OpenApiDocuments, OPENAPI_V2_PROTOBUF, type ServedDocument } from './openapi/document-cache.ts';
import type { CustomSchemas } from './openapi/documents.ts';
import { json } from './http/respond.ts';
import { errors } from './errors.ts';
import { errorResponse } from './http/respond.ts';

/**
 * OpenAPI over HTTP: documents computed lazily from the registry (built-ins plus CRDs) and
 * recomputed when the served resources change.
 */
export function createOpenApiService(registry: ResourceRegistry, customSchemas: (group: string, version: string) => CustomSchemas | undefined): OpenApiService {
  const docs = new OpenApiDocuments({ resources: () => registry.all(), customSchemas });
  registry.onChange(() => docs.invalidate());
  return {
    v2(accept) {
      const wantsProtobuf = !!accept && accept.includes(OPENAPI_V2_PROTOBUF);
      const doc = wantsProtobuf ? docs.v2Protobuf() : docs.v2Json();
      // kube-apiserver labels the protobuf document application/octet-stream; echoing the
      // requested media type makes Go's mime parser (and so kubectl) reject the answer.
      return serve(doc, wantsProtobuf ? 'application/octet-stream' : 'application/json');
    },
    v3Index() {
      return serve(docs.v3Index(), 'application/json');
    },
    v3(path) {
      const doc = docs.v3(path.replace(/\/$/, ''));
      if (!doc) return errorResponse(errors.noResource());
      return serve(doc, 'application/json', true);
    },
  };
}

function serve(doc: ServedDocument, contentType: string, immutable = false): Response {
  const headers: Record<string, string> = { 'content-type': contentType, etag: `"${doc.hash}"` };
  // Clients cache per-group documents by the hash in the index URL, as kube-apiserver allows.
  if (immutable) headers['cache-control'] = 'public, immutable';
  if (typeof doc.body === 'string') return json(200, doc.body, headers);
  return new Response(doc.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
