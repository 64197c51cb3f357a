import { keyOf } from '../storage/keys.ts';
import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { storeErrorToStatus } from './store-errors.ts';
import { rfc3339, type WriteResult } from './create.ts';
import { successStatus } from '../http/respond.ts';

/**
 * Binds a pod to a node (POST pods/NAME/binding or bindings), as upstream's BindingREST:
 * sets spec.nodeName once and records the PodScheduled condition.
 */
export async function handleBinding(deps: ApiDeps, req: ApiRequest, binding: KubeObject): Promise<WriteResult> {
  const podName = req.info.name || binding.metadata.name;
  if (!podName) throw errors.badRequest('a binding must name the pod in metadata.name');
  if (req.info.name && binding.metadata.name && binding.metadata.name !== req.info.name) {
    throw errors.badRequest(`the name of the object (${binding.metadata.name}) does not match the name on the URL (${req.info.name})`);
  }
  const target = binding.target as { kind?: string; name?: string } | undefined;
  if (!target?.name) {
    throw errors.invalid('Binding', '', podName, [{ reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' }]);
  }
  if (target.kind && target.kind !== 'Node') {
    throw errors.invalid('Binding', '', podName, [{ reason: 'FieldValueNotSupported', field: 'target.kind', message: `Unsupported value: "${target.kind}": supported values: "Node"` }]);
  }
  const key = keyOf('pods', req.info.namespace, podName);
  const current = deps.cache.get(key);
  if (!current) throw errors.notFound('pods', '', podName);
  const pod = structuredClone(current.obj);
  if (pod.metadata.deletionTimestamp) throw errors.conflict('pods', '', podName, 'pod is being deleted, cannot be assigned to a host');
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) throw errors.conflict('pods', '', podName, `pod ${podName} is already assigned to node "${spec.nodeName}"`);
  spec.nodeName = target.name;
  pod.spec = spec;
  const status = (pod.status ?? {}) as { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: null }[] };
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(deps.now()) });
  status.conditions = conditions;
  pod.status = status;
  delete pod.metadata.resourceVersion;
  try {
    await deps.store.update(key, JSON.stringify(pod), current.revision);
  } catch (err) {
    throw storeErrorToStatus(err, req.resource, podName);
  }
  return { status: 201, body: successStatus({}), warnings: [] };
}
