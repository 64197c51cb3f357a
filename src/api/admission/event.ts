/**
 * Events, core v1 (`events`) and events.k8s.io/v1: the namespace rule of upstream's
 * legacyValidateEvent, the required fields of new-style events, and the field selectors
 * `kubectl get events --field-selector involvedObject.name=...` relies on.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject } from './json-access.ts';
import { invalid, notSupported, required } from './field-errors.ts';
import { defineStrategy } from './strategy.ts';

const eventTypes = ['Normal', 'Warning'] as const;

function validateCoreEvent(obj: KubeObject): StatusCause[] {
  const involved = asObject(obj.involvedObject) ?? {};
  const namespace = obj.metadata.namespace ?? '';
  const involvedNamespace = String(involved.namespace ?? '');
  // Events about cluster-scoped objects live in "default" (or nowhere), as old clients put them.
  const matches = involvedNamespace === '' ? namespace === '' || namespace === 'default' : involvedNamespace === namespace;
  const causes: StatusCause[] = [];
  if (!matches) causes.push(invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace'));
  if (obj.reportingComponent || obj.reportingController) {
    // New-style events written through the core API follow the events.k8s.io rules for type.
    if (obj.type && !(eventTypes as readonly string[]).includes(obj.type as string)) {
      causes.push(notSupported('type', obj.type, eventTypes));
    }
  }
  return causes;
}

function coreEventFieldLabels(obj: KubeObject): Record<string, string> {
  const involved = asObject(obj.involvedObject) ?? {};
  const text = (value: unknown) => String(value ?? '');
  return {
    'involvedObject.kind': text(involved.kind),
    'involvedObject.namespace': text(involved.namespace),
    'involvedObject.name': text(involved.name),
    'involvedObject.uid': text(involved.uid),
    'involvedObject.apiVersion': text(involved.apiVersion),
    'involvedObject.resourceVersion': text(involved.resourceVersion),
    'involvedObject.fieldPath': text(involved.fieldPath),
    reason: text(obj.reason),
    reportingComponent: text(obj.reportingComponent),
    source: text(asObject(obj.source)?.component),
    type: text(obj.type),
  };
}

export const coreEventStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate: validateCoreEvent,
  fieldLabels: coreEventFieldLabels,
});

function validateNewEvent(obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!obj.eventTime) causes.push(required('eventTime'));
  if (!obj.reportingController) causes.push(required('reportingController'));
  if (!obj.reportingInstance) causes.push(required('reportingInstance'));
  if (!obj.action) causes.push(required('action'));
  if (!(eventTypes as readonly string[]).includes(obj.type as string)) causes.push(notSupported('type', obj.type ?? '', eventTypes));
  const regarding = asObject(obj.regarding) ?? {};
  const regardingNamespace = String(regarding.namespace ?? '');
  const namespace = obj.metadata.namespace ?? '';
  if (regardingNamespace !== '' && regardingNamespace !== namespace) {
    causes.push(invalid('regarding.namespace', regardingNamespace, 'does not match event.namespace'));
  }
  return causes;
}

export const eventsApiEventStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate: validateNewEvent,
  fieldLabels: (obj) => {
    const regarding = asObject(obj.regarding) ?? {};
    return {
      'regarding.kind': String(regarding.kind ?? ''),
      'regarding.namespace': String(regarding.namespace ?? ''),
      'regarding.name': String(regarding.name ?? ''),
      'regarding.uid': String(regarding.uid ?? ''),
      reason: String(obj.reason ?? ''),
      reportingController: String(obj.reportingController ?? ''),
      type: String(obj.type ?? ''),
    };
  },
});
