import type { OwnerReference } from '../framework/index.ts';
import type { Pod, PodTemplateSpec } from './types.ts';

/**
 * The pod a ReplicaSet creates from its template (upstream's GetPodFromTemplate): the
 * template's labels, annotations, finalizers and spec, a controller reference to the owner and
 * `generateName: <owner>-` so the API server appends five random characters.
 */
export function podFromTemplate(opts: { template: PodTemplateSpec; namespace: string; ownerName: string; ref: OwnerReference }): Pod {
  const meta = opts.template.metadata ?? {};
  const metadata: Pod['metadata'] = { generateName: `${opts.ownerName}-`, namespace: opts.namespace, ownerReferences: [opts.ref] };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(opts.template.spec ?? {}) };
}
