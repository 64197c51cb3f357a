/** daemonsets.apps: defaults as apps/v1 SetDefaults_DaemonSet, checks as ValidateDaemonSetSpec. */
import type { StatusCause } from '../errors.ts';
import { asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { invalid, notSupported } from './field-errors.ts';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { defineStrategy } from './strategy.ts';
import { selectorUnchanged, specOf, validateSelectorAndTemplate } from './workload-rules.ts';

const updateStrategyTypes = ['OnDelete', 'RollingUpdate'] as const;

function defaults(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  const strategy = ensureObject(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = ensureObject(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', 1);
    setDefault(rolling, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}

function validate(spec: Json): StatusCause[] {
  const causes = validateSelectorAndTemplate(spec, { selectorOwner: 'daemonset', replicas: false });
  const strategy = asObject(spec.updateStrategy) ?? {};
  if (!(updateStrategyTypes as readonly string[]).includes(strategy.type as string)) {
    causes.push(notSupported('spec.updateStrategy.type', strategy.type ?? '', updateStrategyTypes));
  } else if (strategy.type === 'RollingUpdate') {
    const rolling = asObject(strategy.rollingUpdate) ?? {};
    const path = 'spec.updateStrategy.rollingUpdate';
    causes.push(...validatePositiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`));
    causes.push(...validatePositiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`));
    if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
      causes.push(invalid(`${path}.maxUnavailable`, rolling.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
    }
    causes.push(...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`));
  }
  return causes;
}

export const daemonSetStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaults(obj as Json),
  validate: (obj) => validate(specOf(obj)),
  validateUpdate: selectorUnchanged,
});
