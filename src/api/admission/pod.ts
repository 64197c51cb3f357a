/**
 * The pods strategy: defaults, status on create (as upstream podStrategy.PrepareForCreate:
 * phase Pending and the QoS class), validation, the narrow set of mutable spec fields,
 * and the field selectors pods support.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asList, asObject, deepEqual, ensureObject, type Json } from './json-access.ts';
import { forbidden } from './field-errors.ts';
import { defaultPod, defaultPodTemplate } from './pod-defaults.ts';
import { validatePodSpec, validatePodTemplate } from './pod-spec-validation.ts';
import { parseQuantity } from '../../quantity/quantity.ts';
import { defineStrategy } from './strategy.ts';

const qosResources = ['cpu', 'memory'];

/** As upstream qos.GetPodQOS, for cpu and memory. */
export function podQosClass(spec: Json): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...asList(spec.containers), ...asList(spec.initContainers)];
  let any = false;
  let guaranteed = true;
  for (const container of containers) {
    const resources = asObject(container.resources) ?? {};
    const requests = asObject(resources.requests) ?? {};
    const limits = asObject(resources.limits) ?? {};
    for (const name of qosResources) {
      const request = requests[name];
      const limit = limits[name];
      if (isNonZero(request) || isNonZero(limit)) any = true;
      if (!isNonZero(limit)) guaranteed = false;
      else if (request !== undefined && !sameQuantity(request, limit)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function isNonZero(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  try {
    return !parseQuantity(value as string).isZero();
  } catch {
    return false;
  }
}

function sameQuantity(a: unknown, b: unknown): boolean {
  try {
    return parseQuantity(a as string).compare(parseQuantity(b as string)) === 0;
  } catch {
    return false;
  }
}

/** Masks the spec fields a pod update may change, as upstream ValidatePodUpdate does. */
function mutableMasked(spec: Json, from: Json): Json {
  const copy = structuredClone(spec);
  const containers = asList(from.containers);
  asList(copy.containers).forEach((c, i) => (c.image = containers[i]?.image));
  const inits = asList(from.initContainers);
  asList(copy.initContainers).forEach((c, i) => (c.image = inits[i]?.image));
  copy.activeDeadlineSeconds = from.activeDeadlineSeconds;
  copy.tolerations = from.tolerations;
  copy.terminationGracePeriodSeconds = from.terminationGracePeriodSeconds;
  copy.schedulingGates = from.schedulingGates;
  // nodeName is set through the binding subresource, which updates the stored pod.
  copy.nodeName = from.nodeName;
  return copy;
}

const podUpdateMessage =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validatePodUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const was = asObject(old.spec) ?? {};
  return deepEqual(mutableMasked(spec, was), was) ? [] : [forbidden('spec', podUpdateMessage)];
}

function podFieldLabels(obj: KubeObject): Record<string, string> {
  const spec = asObject(obj.spec) ?? {};
  const status = asObject(obj.status) ?? {};
  return {
    'spec.nodeName': String(spec.nodeName ?? ''),
    'spec.restartPolicy': String(spec.restartPolicy ?? ''),
    'spec.schedulerName': String(spec.schedulerName ?? ''),
    'spec.serviceAccountName': String(spec.serviceAccountName ?? ''),
    'spec.hostNetwork': String(spec.hostNetwork === true),
    'status.phase': String(status.phase ?? ''),
    // As upstream PodToSelectableFields: the first pod IP only.
    'status.podIP': String(status.podIP ?? ''),
    'status.nominatedNodeName': String(status.nominatedNodeName ?? ''),
  };
}

export const podStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults(obj) {
    defaultPod(obj);
    const status = ensureObject(obj as Json, 'status');
    if (!status.phase) status.phase = 'Pending';
    if (!status.qosClass) status.qosClass = podQosClass(asObject(obj.spec) ?? {});
  },
  validate: (obj) => validatePodSpec(asObject(obj.spec), 'spec'),
  validateUpdate: validatePodUpdate,
  fieldLabels: podFieldLabels,
});

/** podtemplates: a bare PodTemplateSpec under `template`, defaulted and checked like a workload's. */
export const podTemplateStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaultPodTemplate(obj.template),
  validate: (obj) => validatePodTemplate(obj.template, 'template'),
});
