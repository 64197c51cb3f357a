import { desiredSubsets } from './subsets.ts';
import { capacityAnnotationSetCorrectly, truncateSubsets } from './truncate.ts';
import { formatRfc3339Nano } from './trigger-time.ts';
import { ANNOTATION_OVER_CAPACITY, ANNOTATION_TRIGGER_TIME, LABEL_HEADLESS, type EndpointSubset, type Endpoints, type Pod, type Service } from './types.ts';

export interface EndpointsPlan {
  /** What to send: nothing when the stored Endpoints already show the pods. */
  write?: 'create' | 'update';
  endpoints: Endpoints;
}

/**
 * The Endpoints a selector Service should have (the endpoints controller's syncService after
 * listing pods), and whether it must be written. `current` is the cached object, if any; the
 * write is skipped when its subsets (ignoring pods' resourceVersions), its labels (but the
 * headless one) and its capacity annotation already match. A write copies `current` and
 * replaces subsets, labels (the Service's, plus `service.kubernetes.io/headless` for a
 * headless Service), the trigger-time annotation and the over-capacity annotation.
 */
export function planEndpoints(opts: { service: Service; pods: Pod[]; current?: Endpoints; triggerTime?: Date }): EndpointsPlan {
  const { service, current } = opts;
  const subsets = desiredSubsets(service, opts.pods);
  const serviceLabels = service.metadata.labels ?? {};
  if (current?.metadata.resourceVersion) {
    const compareLabels = { ...(current.metadata.labels ?? {}) };
    delete compareLabels[LABEL_HEADLESS];
    if (
      sameSubsets(current.subsets ?? [], subsets) &&
      sameMap(compareLabels, serviceLabels) &&
      capacityAnnotationSetCorrectly(current.metadata.annotations, current.subsets)
    ) {
      return { endpoints: current };
    }
  }
  const base: Endpoints = current
    ? structuredClone(current)
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: service.metadata.name, namespace: service.metadata.namespace } };
  const annotations = { ...(base.metadata.annotations ?? {}) };
  if (opts.triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = formatRfc3339Nano(opts.triggerTime);
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  const { subsets: kept, truncated } = truncateSubsets(subsets);
  if (truncated) annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';
  else delete annotations[ANNOTATION_OVER_CAPACITY];
  const labels = { ...serviceLabels };
  if (service.spec?.clusterIP === 'None' || !service.spec?.clusterIP) labels[LABEL_HEADLESS] = '';
  else delete labels[LABEL_HEADLESS];
  base.metadata = { ...base.metadata, labels, annotations };
  if (Object.keys(annotations).length === 0) delete base.metadata.annotations;
  if (kept.length > 0) base.subsets = kept;
  else delete base.subsets;
  return { write: current?.metadata.resourceVersion ? 'update' : 'create', endpoints: base };
}

/** endpointSubsetsEqualIgnoreResourceVersion: pods' resourceVersions in targetRef do not count. */
function sameSubsets(a: EndpointSubset[], b: EndpointSubset[]): boolean {
  return JSON.stringify(a.map(normalizeSubset)) === JSON.stringify(b.map(normalizeSubset));
}

function normalizeSubset(subset: EndpointSubset): unknown {
  const address = (a: NonNullable<EndpointSubset['addresses']>[number]) => [
    a.ip,
    a.hostname ?? '',
    a.nodeName ?? '',
    a.targetRef ? [a.targetRef.kind ?? '', a.targetRef.namespace ?? '', a.targetRef.name ?? '', a.targetRef.uid ?? ''] : null,
  ];
  return [
    (subset.addresses ?? []).map(address),
    (subset.notReadyAddresses ?? []).map(address),
    (subset.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? 'TCP', p.appProtocol ?? '']),
  ];
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}
