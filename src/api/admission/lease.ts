/** leases.coordination.k8s.io: as upstream ValidateLeaseSpec. */
import type { StatusCause } from '../errors.ts';
import { asObject } from './json-access.ts';
import { invalid, nonNegative } from './field-errors.ts';
import { defineStrategy } from './strategy.ts';

export const leaseStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  validate(obj) {
    const spec = asObject(obj.spec) ?? {};
    const causes: StatusCause[] = [];
    const duration = spec.leaseDurationSeconds;
    if (typeof duration === 'number' && duration <= 0) {
      causes.push(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
    }
    causes.push(...nonNegative('spec.leaseTransitions', spec.leaseTransitions));
    return causes;
  },
});
