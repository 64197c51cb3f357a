import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ApiDeps, ApiRequest, AccessAttributes } from './deps.ts';
import { decodeRequestBody, checkTypeMeta } from './decode.ts';
import type { WriteResult } from './create.ts';
import { handleBinding } from './binding.ts';
import type { UserInfo } from '../auth/authenticate.ts';

type VirtualHandler = (deps: ApiDeps, req: ApiRequest) => Promise<WriteResult>;

/**
 * Resources that are answered, not stored (upstream's review APIs): the request object is
 * returned with its status filled in. Keyed by qualified resource.
 */
export const virtualHandlers: Record<string, VirtualHandler> = {
  'selfsubjectaccessreviews.authorization.k8s.io': async (deps, req) => {
    const review = body(req);
    const spec = (review.spec ?? {}) as ReviewSpec;
    return answer(review, accessStatus(deps, req.user, spec, ''));
  },
  'subjectaccessreviews.authorization.k8s.io': async (deps, req) => {
    const review = body(req);
    const spec = (review.spec ?? {}) as ReviewSpec;
    return answer(review, accessStatus(deps, subjectOf(spec, review), spec, ''));
  },
  'localsubjectaccessreviews.authorization.k8s.io': async (deps, req) => {
    const review = body(req);
    const spec = (review.spec ?? {}) as ReviewSpec;
    const ns = spec.resourceAttributes?.namespace;
    if (ns !== undefined && ns !== '' && ns !== req.info.namespace) {
      throw errors.badRequest(`spec.resourceAttributes.namespace must match namespace: ${req.info.namespace}`);
    }
    return answer(review, accessStatus(deps, subjectOf(spec, review), spec, req.info.namespace));
  },
  'selfsubjectrulesreviews.authorization.k8s.io': async (deps, req) => {
    const review = body(req);
    const namespace = ((review.spec ?? {}) as { namespace?: string }).namespace ?? '';
    const { rules, errors: problems } = deps.access.rulesFor(req.user, namespace);
    // As upstream's RBAC RulesFor: resource rules and non-resource rules are listed apart.
    const resourceRules = rules.filter((r) => r.resources?.length).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) }));
    const nonResourceRules = rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] }));
    return answer(review, { resourceRules, nonResourceRules, incomplete: problems.length > 0, ...(problems.length ? { evaluationError: problems.join(', ') } : {}) });
  },
  'selfsubjectreviews.authentication.k8s.io': async (_deps, req) => {
    const review = body(req);
    const u = req.user;
    return answer(review, { userInfo: { username: u.username, uid: u.uid, groups: u.groups, extra: u.extra } });
  },
  'tokenreviews.authentication.k8s.io': async (deps, req) => {
    const review = body(req);
    const spec = (review.spec ?? {}) as { token?: string; audiences?: string[] };
    if (!spec.token) {
      throw errors.invalid('TokenReview', 'authentication.k8s.io', '', [{ reason: 'FieldValueRequired', field: 'spec.token', message: 'Required value' }]);
    }
    const user = await deps.access.authenticateToken(spec.token, spec.audiences);
    return answer(review, user
      ? { authenticated: true, user: { username: user.username, uid: user.uid, groups: user.groups, extra: user.extra }, audiences: spec.audiences }
      : { authenticated: false, error: 'invalid bearer token' });
  },
  bindings: (deps, req) => handleBinding(deps, req, body(req)),
};

interface ReviewSpec {
  resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string };
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  extra?: Record<string, string[]>;
}

function body(req: ApiRequest): KubeObject {
  return checkTypeMeta(decodeRequestBody(req), req.resource);
}

function answer(review: KubeObject, status: Record<string, unknown>): WriteResult {
  const out = { ...review, metadata: { ...review.metadata, creationTimestamp: null }, status };
  return { status: 201, body: out as Record<string, unknown>, warnings: [] };
}

function subjectOf(spec: ReviewSpec, review: KubeObject): UserInfo {
  if (!spec.user && !(spec.groups?.length)) {
    throw errors.invalid(review.kind ?? 'SubjectAccessReview', 'authorization.k8s.io', '', [
      { reason: 'FieldValueInvalid', field: 'spec.user', message: 'Invalid value: "": at least one of user or group must be specified' },
    ]);
  }
  return { username: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [], extra: spec.extra };
}

function accessStatus(deps: ApiDeps, user: UserInfo, spec: ReviewSpec, namespace: string): Record<string, unknown> {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if ((ra && nra) || (!ra && !nra)) {
    throw errors.invalid('SubjectAccessReview', 'authorization.k8s.io', '', [
      { reason: 'FieldValueInvalid', field: 'spec.resourceAttributes', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified' },
    ]);
  }
  const attrs: AccessAttributes = ra
    ? { verb: ra.verb ?? '', apiGroup: ra.group ?? '', resource: ra.resource ?? '', subresource: ra.subresource ?? '', namespace: namespace || ra.namespace || '', name: ra.name ?? '', resourceRequest: true }
    : { verb: nra!.verb ?? '', apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path: nra!.path ?? '', resourceRequest: false };
  const decision = deps.access.authorize(user, attrs);
  return decision.allowed ? { allowed: true, reason: decision.reason } : { allowed: false, reason: decision.reason };
}
