import type { RevisionLog } from '../../store/types.ts';
import type { WatchCache } from '../storage/watch-cache.ts';
import type { ResourceRegistry } from '../resources/registry.ts';
import type { ResourceInfo, ResourceStrategy } from '../resources/types.ts';
import type { KubeObject } from '../meta/object.ts';
import type { SchemaLookup } from '../schema/merge-meta.ts';
import type { UserInfo } from '../auth/authenticate.ts';
import type { ResourceRequestInfo } from '../http/request-info.ts';

/** What every handler may use: the store for writes, the cache for reads, and the catalogue. */
export interface ApiDeps {
  store: RevisionLog;
  cache: WatchCache;
  registry: ResourceRegistry;
  schemas: SchemaLookup;
  now: () => Date;
  /** Node-port range for Service validation, from --service-node-port-range. */
  nodePortRange: { min: number; max: number };
  /** Defaulting and validation of the built-in kinds, keyed by qualified resource. */
  strategies: Record<string, ResourceStrategy>;
  /** Steps run just before a write lands (Service IPs and ports, pod admission), keyed by qualified resource; `*` runs for every resource. */
  writeHooks: Record<string, WriteHook>;
  access: AccessControl;
}

/**
 * Runs after validation, before the store write of a create (old undefined) or update of the
 * main resource; may fill fields or throw a StatusError. Returns a function called when the
 * write has landed or failed (to release reservations).
 */
export type WriteHook = (input: { obj: KubeObject; old?: KubeObject; resource: string; user?: UserInfo }) => () => void;

/** Authorization attributes as upstream's authorizer.Attributes (declared with the authorizer). */
export type { AuthorizationAttributes as AccessAttributes } from '../auth/rbac-rules.ts';
import type { AuthorizationAttributes as AccessAttributes } from '../auth/rbac-rules.ts';

/** What the review resources and the token subresource need from authentication and authorization. */
export interface AccessControl {
  authorize(user: UserInfo, attrs: AccessAttributes): { allowed: boolean; reason: string };
  /** Every RBAC rule granting the user something in `namespace` (cluster-wide included), for SelfSubjectRulesReview. */
  rulesFor(user: UserInfo, namespace: string): { rules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }[]; errors: string[] };
  authenticateToken(token: string, audiences?: string[]): Promise<UserInfo | undefined>;
  issueServiceAccountToken(opts: {
    namespace: string;
    name: string;
    uid: string;
    audiences: string[];
    expirationSeconds: number;
    boundObject?: { kind: string; name: string; uid: string };
  }): Promise<{ token: string; expirationTimestamp: string }>;
}

/** One API request, decoded from HTTP: the handlers never see the HTTP framework. */
export interface ApiRequest {
  info: ResourceRequestInfo;
  resource: ResourceInfo;
  query: URLSearchParams;
  headers: Headers;
  /** The body as UTF-8 text (JSON, YAML, patches). */
  body?: string;
  /** The body's bytes (protobuf). */
  rawBody?: Uint8Array;
  contentType: string;
  user: UserInfo;
  /** Aborted when the client goes away (watches end then). */
  signal: AbortSignal;
}
