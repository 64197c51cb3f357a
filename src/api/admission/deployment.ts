/** deployments.apps: defaults as apps/v1 SetDefaults_Deployment, checks as ValidateDeploymentSpec. */
import type { StatusCause } from '../errors.ts';
import { asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { forbidden, invalid, nonNegative, notSupported } from './field-errors.ts';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { defineStrategy } from './strategy.ts';
import { selectorUnchanged, specOf, validateSelectorAndTemplate } from './workload-rules.ts';

const strategyTypes = ['Recreate', 'RollingUpdate'] as const;

function defaults(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = ensureObject(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = ensureObject(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', '25%');
    setDefault(rolling, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

/** Upstream ValidateRollingUpdateDeployment. */
export function validateRollingUpdate(rolling: Json, path: string): StatusCause[] {
  const causes = [
    ...validatePositiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`),
  ];
  if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
    causes.push(invalid(`${path}.maxUnavailable`, rolling.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  causes.push(...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`));
  return causes;
}

function validate(spec: Json): StatusCause[] {
  const causes = validateSelectorAndTemplate(spec, { selectorOwner: 'deployment', replicas: true });
  const strategy = asObject(spec.strategy) ?? {};
  if (!(strategyTypes as readonly string[]).includes(strategy.type as string)) {
    causes.push(notSupported('spec.strategy.type', strategy.type ?? '', strategyTypes));
  } else if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    causes.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate') {
    causes.push(...validateRollingUpdate(asObject(strategy.rollingUpdate) ?? {}, 'spec.strategy.rollingUpdate'));
  }
  causes.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number' && deadline <= ((spec.minReadySeconds as number | undefined) ?? 0)) {
    causes.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return causes;
}

export const deploymentStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaults(obj as Json),
  validate: (obj) => validate(specOf(obj)),
  validateUpdate: selectorUnchanged,
});
