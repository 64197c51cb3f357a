import type { ResourceInfo } from '../resources/types.ts';
import { documentHash, openApiV2Document, openApiV3Document, openApiV3Index, v3PathOf, type CustomSchemas } from './documents.ts';
import { encodeOpenApiV2 } from './v2-protobuf.ts';

/** What the documents are computed from; read again after every `invalidate()`. */
export interface OpenApiSource {
  resources(): ResourceInfo[];
  /** Custom schemas of a group/version keyed by kind (CRD versions' openAPIV3Schema). */
  customSchemas(group: string, version: string): CustomSchemas | undefined;
}

/** A served document: its bytes and the hash clients cache it by (also a strong ETag). */
export interface ServedDocument {
  body: string | Uint8Array;
  hash: string;
}

/**
 * The OpenAPI documents of the current resource set, computed on first request and kept
 * until `invalidate()` (call it whenever a CRD or API group is added, changed or removed),
 * as kube-apiserver rebuilds its specs only when the served APIs change.
 *
 * Routes the HTTP layer serves from it (as kube-apiserver):
 * - `GET /openapi/v3` -> `v3Index()` (application/json)
 * - `GET /openapi/v3/<api/v1|apis/G/V>` -> `v3(path)` (application/json; 404 when undefined).
 *   With a `hash` query that matches, upstream answers with `Cache-Control: public,
 *   immutable`; with one that does not, a 301 to the current hash's URL.
 * - `GET /openapi/v2` -> `v2Protobuf()` when the Accept header names
 *   `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` (client-go, kubectl),
 *   else `v2Json()` (application/json). ETag is the hash; `If-None-Match` gives 304.
 */
export class OpenApiDocuments {
  private v3Docs = new Map<string, ServedDocument>();
  private v2JsonDoc: ServedDocument | undefined;
  private v2ProtoDoc: ServedDocument | undefined;
  private index: ServedDocument | undefined;

  constructor(private readonly source: OpenApiSource) {}

  /** Forgets every computed document; the next request recomputes from the source. */
  invalidate(): void {
    this.v3Docs.clear();
    this.v2JsonDoc = undefined;
    this.v2ProtoDoc = undefined;
    this.index = undefined;
  }

  /** The `/openapi/v3` discovery document. */
  v3Index(): ServedDocument {
    if (!this.index) {
      const gvs = [...new Set(this.source.resources().map((r) => (r.group ? `${r.group}/${r.version}` : r.version)))];
      const body = JSON.stringify(openApiV3Index(gvs, (gv) => this.v3(v3PathOf(gv))!.hash));
      this.index = { body, hash: documentHash(body) };
    }
    return this.index;
  }

  /** The document of `api/v1` or `apis/<group>/<version>`, or undefined if nothing is served there. */
  v3(path: string): ServedDocument | undefined {
    const cached = this.v3Docs.get(path);
    if (cached) return cached;
    const m = /^(?:api\/(v[^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const [group, version] = m[1] ? ['', m[1]] : [m[2]!, m[3]!];
    const resources = this.source.resources().filter((r) => r.group === group && r.version === version);
    if (resources.length === 0) return undefined;
    const customSchemas = this.source.customSchemas(group, version);
    const body = JSON.stringify(openApiV3Document({ group, version, resources, ...(customSchemas ? { customSchemas } : {}) }));
    const doc = { body, hash: documentHash(body) };
    this.v3Docs.set(path, doc);
    return doc;
  }

  /** The swagger 2.0 document as JSON. */
  v2Json(): ServedDocument {
    if (!this.v2JsonDoc) {
      const body = JSON.stringify(openApiV2Document({ resources: this.source.resources(), customSchemas: (g, v) => this.source.customSchemas(g, v) }));
      this.v2JsonDoc = { body, hash: documentHash(body) };
    }
    return this.v2JsonDoc;
  }

  /** The swagger 2.0 document as gnostic protobuf (what kubectl asks for). */
  v2Protobuf(): ServedDocument {
    if (!this.v2ProtoDoc) {
      const body = encodeOpenApiV2(JSON.parse(this.v2Json().body as string) as Record<string, unknown>);
      this.v2ProtoDoc = { body, hash: documentHash(body) };
    }
    return this.v2ProtoDoc;
  }
}

/** The media type client-go sends in Accept for the protobuf form of /openapi/v2. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
