/** priorityclasses.scheduling.k8s.io: preemptionPolicy default, the user value ceiling, immutable value. */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { setDefault, type Json } from './json-access.ts';
import { forbidden, immutable, invalid, notSupported } from './field-errors.ts';
import { defineStrategy } from './strategy.ts';

/** Upstream scheduling.HighestUserDefinablePriority. */
const highestUserPriority = 1_000_000_000;
const systemClasses = new Set(['system-cluster-critical', 'system-node-critical']);
const preemptionPolicies = ['Never', 'PreemptLowerPriority'] as const;

function validate(obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = obj.metadata.name ?? '';
  if (systemClasses.has(name)) return causes;
  if (name.startsWith('system-')) {
    causes.push(invalid('metadata.name', name, "priority class names with 'system-' prefix are reserved"));
  }
  if (typeof obj.value === 'number' && obj.value > highestUserPriority) {
    causes.push(forbidden('value', `maximum allowed value of a user defined priority is ${highestUserPriority}`));
  }
  const policy = obj.preemptionPolicy;
  if (policy && !(preemptionPolicies as readonly string[]).includes(policy as string)) {
    causes.push(notSupported('preemptionPolicy', policy, preemptionPolicies));
  }
  return causes;
}

export const priorityClassStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => setDefault(obj as Json, 'preemptionPolicy', 'PreemptLowerPriority'),
  validate,
  validateUpdate: (obj, old) => {
    const causes: StatusCause[] = [];
    if (obj.value !== old.value) causes.push(forbidden('value', 'may not be changed in an update.'));
    if (obj.preemptionPolicy !== old.preemptionPolicy) causes.push(immutable('preemptionPolicy', obj.preemptionPolicy ?? null));
    return causes;
  },
});
