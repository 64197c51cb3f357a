import { errors } from '../errors.ts';
import { json } from '../http/respond.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody } from './decode.ts';
import { handleBinding } from './binding.ts';
import { handleDelete } from './delete.ts';
import type { KubeObject } from '../meta/object.ts';

type SubresourceHandler = (deps: ApiDeps, req: ApiRequest) => Promise<Response>;

/**
 * Subresources beyond status/scale/finalize, keyed `<qualified resource>/<subresource>`.
 * Those an agent must serve (log, exec, attach, portforward, proxy) are absent here and
 * answer 503 until an agent serves them.
 */
export const subresourceHandlers: Record<string, SubresourceHandler> = {
  'pods/binding': async (deps, req) => {
    requireCreate(req);
    const r = await handleBinding(deps, req, decodeRequestBody(req) as KubeObject);
    return json(r.status, r.body);
  },
  // An Eviction deletes the pod with the eviction's DeleteOptions (PodDisruptionBudgets are
  // not consulted yet: upstream would answer 429 when a budget forbids the disruption).
  'pods/eviction': async (deps, req) => {
    requireCreate(req);
    const eviction = decodeRequestBody(req) as { deleteOptions?: unknown };
    const options = eviction.deleteOptions ? JSON.stringify(eviction.deleteOptions) : undefined;
    await handleDelete(deps, { ...req, body: options, rawBody: undefined, contentType: 'application/json' });
    return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  },
  'serviceaccounts/token': async (deps, req) => {
    requireCreate(req);
    const tr = decodeRequestBody(req) as {
      apiVersion?: string;
      kind?: string;
      metadata?: Record<string, unknown>;
      spec?: { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: { kind: string; name: string; uid: string } };
    };
    const sa = deps.cache.get(`/registry/serviceaccounts/${req.info.namespace}/${req.info.name}`);
    if (!sa) throw errors.notFound('serviceaccounts', '', req.info.name);
    const expirationSeconds = tr.spec?.expirationSeconds ?? 3600;
    if (expirationSeconds < 600) {
      throw errors.invalid('TokenRequest', 'authentication.k8s.io', req.info.name, [
        { reason: 'FieldValueInvalid', field: 'spec.expirationSeconds', message: `Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes` },
      ]);
    }
    const audiences = tr.spec?.audiences?.length ? tr.spec.audiences : ['https://kubernetes.default.svc.cluster.local', 'k3s'];
    const issued = await deps.access.issueServiceAccountToken({
      namespace: req.info.namespace,
      name: req.info.name,
      uid: sa.obj.metadata.uid ?? '',
      audiences,
      expirationSeconds,
      boundObject: tr.spec?.boundObjectRef,
    });
    return json(201, {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: req.info.name, namespace: req.info.namespace, creationTimestamp: null },
      spec: { audiences, expirationSeconds, boundObjectRef: tr.spec?.boundObjectRef ?? null },
      status: issued,
    });
  },
};

function requireCreate(req: ApiRequest): void {
  if (req.info.verb !== 'create') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
}
