import { keyOf, prefixOf } from '../storage/keys.ts';
import { StatusError, errors } from '../errors.ts';
import { json } from '../http/respond.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody } from './decode.ts';
import { handleBinding } from './binding.ts';
import { handleDelete } from './delete.ts';
import type { KubeObject } from '../meta/object.ts';
import { decideEviction } from '../pods/eviction.ts';
import { storeErrorToStatus } from './store-errors.ts';
import { RevisionConflictError } from '../../store/types.ts';

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
  // An Eviction consults the pod's PodDisruptionBudget first (decideEviction, as upstream's
  // EvictionREST): a refusal is a 429; an allowed disruption is recorded in the budget's
  // status before the pod is deleted with the eviction's DeleteOptions.
  'pods/eviction': async (deps, req) => {
    requireCreate(req);
    const eviction = decodeRequestBody(req) as { metadata?: { name?: string }; deleteOptions?: Record<string, unknown> };
    if (eviction.metadata?.name && eviction.metadata.name !== req.info.name) throw errors.badRequest('name in URL does not match name in Eviction object');
    const deleteOptions = { ...(eviction.deleteOptions ?? {}) } as { dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
    const dryRun = [...(deleteOptions.dryRun ?? []), ...req.query.getAll('dryRun')].includes('All');
    // As upstream's EvictionsRetry: a budget changed under us is read again and re-checked.
    for (let attempt = 1; ; attempt++) {
      const pod = deps.cache.get(keyOf('pods', req.info.namespace, req.info.name));
      if (!pod) throw errors.notFound('pods', '', req.info.name);
      const budgets = deps.cache.list(prefixOf(BUDGETS), prefixOf(BUDGETS, req.info.namespace)).map((c) => c.obj);
      const decision = decideEviction({ pod: pod.obj, budgets, now: deps.now(), dryRun });
      if (decision.action === 'respond') return json(decision.code, decision.body);
      if (decision.action === 'delete' && decision.preconditionResourceVersion && !deleteOptions.preconditions?.resourceVersion) {
        deleteOptions.preconditions = { ...deleteOptions.preconditions, resourceVersion: decision.preconditionResourceVersion };
      }
      if (decision.action !== 'decrement' || dryRun) break;
      if (await writeBudgetStatus(deps, req, decision.budget)) break;
      if (attempt >= EVICTION_RETRIES) throw new StatusError(504, 'Timeout', `Timeout: couldn't update PodDisruptionBudget "${decision.budgetName}" due to conflicts`, { retryAfterSeconds: 10 });
    }
    const options = Object.keys(deleteOptions).length > 0 ? JSON.stringify(deleteOptions) : undefined;
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
    const sa = deps.cache.get(keyOf('serviceaccounts', req.info.namespace, req.info.name));
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

const BUDGETS = 'poddisruptionbudgets.policy';
/** Upstream retries a conflicting budget write 20 times. */
const EVICTION_RETRIES = 20;

/** Writes the budget's spent disruption at the revision it was read; false on a conflict (read again). */
async function writeBudgetStatus(deps: ApiDeps, req: ApiRequest, budget: KubeObject): Promise<boolean> {
  const key = keyOf(BUDGETS, req.info.namespace, budget.metadata.name!);
  const value = structuredClone(budget);
  const revision = Number(value.metadata.resourceVersion);
  delete value.metadata.resourceVersion;
  try {
    await deps.store.update(key, JSON.stringify(value), revision);
    return true;
  } catch (err) {
    if (err instanceof RevisionConflictError) return false;
    throw storeErrorToStatus(err, { ...req.resource, resource: 'poddisruptionbudgets', group: 'policy' }, budget.metadata.name!);
  }
}

function requireCreate(req: ApiRequest): void {
  if (req.info.verb !== 'create') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
}
