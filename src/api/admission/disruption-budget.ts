/** poddisruptionbudgets.policy: as upstream ValidatePodDisruptionBudgetSpec. */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject } from './json-access.ts';
import { invalid, notSupported } from './field-errors.ts';
import { notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { validateLabelSelector } from './label-selector.ts';
import { defineStrategy } from './strategy.ts';

const evictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'] as const;

function validate(obj: KubeObject): StatusCause[] {
  const spec = asObject(obj.spec) ?? {};
  const causes: StatusCause[] = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    causes.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const field of ['minAvailable', 'maxUnavailable']) {
    causes.push(...validatePositiveIntOrPercent(spec[field], `spec.${field}`));
    causes.push(...notMoreThan100Percent(spec[field], `spec.${field}`));
  }
  causes.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy && !(evictionPolicies as readonly string[]).includes(policy as string)) {
    causes.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, evictionPolicies));
  }
  return causes;
}

export const podDisruptionBudgetStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate,
});
