import { controllerRef, type OwnerReference } from '../framework/index.ts';
import { ANNOTATION_TRIGGER_TIME, LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, type EndpointSlice, type Service } from '../endpoints/types.ts';
import { formatRfc3339Nano } from '../endpoints/trigger-time.ts';

/** The EndpointSlice controller's name, written in the managed-by label. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

/**
 * A slice's labels (setEndpointSliceLabels): the Service's own labels but the reserved keys,
 * `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by`, and
 * `service.kubernetes.io/headless` for a headless Service.
 */
export function sliceLabels(service: Service, controllerName: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) if (!RESERVED.has(key)) labels[key] = value;
  if (service.spec?.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name!;
  labels[LABEL_MANAGED_BY] = controllerName;
  return labels;
}

/**
 * The generateName of a Service's slices (getEndpointSlicePrefix): `<service>-`, or `slice-`
 * when that would not be a valid name prefix.
 */
export function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  return prefix.length <= 253 - 5 && /^[a-z0-9]([-a-z0-9.]*)?$/.test(prefix) ? prefix : 'slice-';
}

/** Whether `slice` is controlled by this very Service (not an earlier one of the same name). */
export function ownedBy(slice: EndpointSlice, service: Service): boolean {
  return ((slice.metadata.ownerReferences as OwnerReference[] | undefined) ?? []).some(
    (ref) => ref.uid === service.metadata.uid && ref.kind === 'Service' && ref.apiVersion === 'v1',
  );
}

export function serviceOwnerReference(service: Service): OwnerReference {
  return controllerRef(service, 'v1', 'Service');
}

/** addTriggerTimeAnnotation: set to the trigger time, or removed when there is none. */
export function withTriggerTime(slice: EndpointSlice, triggerTime: Date | undefined): EndpointSlice {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = formatRfc3339Nano(triggerTime);
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  const metadata: EndpointSlice['metadata'] = { ...slice.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...slice, metadata };
}
