/** statefulsets.apps: defaults as apps/v1 SetDefaults_StatefulSet, checks as ValidateStatefulSetSpec. */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asList, asObject, deepEqual, ensureObject, setDefault, type Json } from './json-access.ts';
import { child, forbidden, index, invalid, nonNegative, notSupported } from './field-errors.ts';
import { isDns1123Subdomain } from './name-rules.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { defineStrategy } from './strategy.ts';
import { selectorUnchanged, specOf, validateSelectorAndTemplate } from './workload-rules.ts';

const podManagementPolicies = ['OrderedReady', 'Parallel'] as const;
const updateStrategyTypes = ['OnDelete', 'RollingUpdate'] as const;
const retentionPolicies = ['Retain', 'Delete'] as const;

function defaults(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureObject(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') setDefault(ensureObject(strategy, 'rollingUpdate'), 'partition', 0);
  setDefault(spec, 'revisionHistoryLimit', 10);
  const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefault(retention, 'whenDeleted', 'Retain');
  setDefault(retention, 'whenScaled', 'Retain');
  defaultPodTemplate(spec.template);
  for (const claim of asList(spec.volumeClaimTemplates)) {
    setDefault(ensureObject(claim, 'spec'), 'volumeMode', 'Filesystem');
  }
}

function validate(spec: Json): StatusCause[] {
  const causes = validateSelectorAndTemplate(spec, { selectorOwner: 'statefulset', replicas: true });
  if (!(podManagementPolicies as readonly string[]).includes(spec.podManagementPolicy as string)) {
    causes.push(notSupported('spec.podManagementPolicy', spec.podManagementPolicy ?? '', podManagementPolicies));
  }
  const strategy = asObject(spec.updateStrategy) ?? {};
  if (!(updateStrategyTypes as readonly string[]).includes(strategy.type as string)) {
    causes.push(notSupported('spec.updateStrategy.type', strategy.type ?? '', updateStrategyTypes));
  } else if (strategy.type === 'OnDelete' && strategy.rollingUpdate) {
    causes.push(invalid('spec.updateStrategy.rollingUpdate', strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else {
    causes.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', asObject(strategy.rollingUpdate)?.partition));
  }
  const retention = asObject(spec.persistentVolumeClaimRetentionPolicy) ?? {};
  for (const field of ['whenDeleted', 'whenScaled']) {
    const value = retention[field];
    if (value && !(retentionPolicies as readonly string[]).includes(value as string)) {
      causes.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${field}`, value, retentionPolicies));
    }
  }
  if (spec.serviceName) {
    for (const msg of isDns1123Subdomain(spec.serviceName as string)) causes.push(invalid('spec.serviceName', spec.serviceName, msg));
  }
  asList(spec.volumeClaimTemplates).forEach((claim, i) => {
    const name = asObject(claim.metadata)?.name;
    const at = child(index('spec.volumeClaimTemplates', i), 'metadata', 'name');
    if (typeof name === 'string') for (const msg of isDns1123Subdomain(name)) causes.push(invalid(at, name, msg));
  });
  return causes;
}

/** Fields a StatefulSet update may change; upstream forbids touching anything else. */
const mutableFields = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function validateUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const strip = (spec: Json) => Object.fromEntries(Object.entries(spec).filter(([k]) => !mutableFields.includes(k)));
  const causes = selectorUnchanged(obj, old);
  const restNew = strip(specOf(obj));
  const restOld = strip(specOf(old));
  delete restNew.selector;
  delete restOld.selector;
  if (!deepEqual(restNew, restOld)) {
    causes.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return causes;
}

export const statefulSetStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaults(obj as Json),
  validate: (obj) => validate(specOf(obj)),
  validateUpdate,
});
