import type { KubeObject } from '../../client/index.ts';
import { controllerRef } from '../framework/index.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controller-revision.ts';
import { TEMPLATE_GENERATION_LABEL, type DaemonSet } from './daemonset-types.ts';
import { daemonPodTolerations } from './node-eligibility.ts';

/**
 * A daemon pod for `nodeName` as upstream creates it: not bound, but with required node
 * affinity replaced by a single `metadata.name In [node]` field term
 * (ReplaceDaemonSetPodNodeNameNodeAffinity), so the scheduler binds it to that node; the
 * default daemon tolerations; the revision hash and template generation labels.
 */
export function newDaemonPod(opts: { set: DaemonSet; nodeName: string; hash: string }): KubeObject {
  const template = structuredClone(opts.set.spec.template);
  const spec = { ...(template.spec ?? {}) };
  spec.affinity = {
    ...(spec.affinity ?? {}),
    nodeAffinity: {
      ...(spec.affinity?.nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [opts.nodeName] }] }],
      },
    },
  };
  spec.tolerations = daemonPodTolerations(spec);
  const generation = opts.set.metadata.generation;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${opts.set.metadata.name}-`,
      namespace: opts.set.metadata.namespace,
      labels: {
        ...(template.metadata?.labels ?? {}),
        [CONTROLLER_REVISION_HASH_LABEL]: opts.hash,
        ...(generation !== undefined ? { [TEMPLATE_GENERATION_LABEL]: String(generation) } : {}),
      },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(opts.set, 'apps/v1', 'DaemonSet')],
    },
    spec,
  };
}
