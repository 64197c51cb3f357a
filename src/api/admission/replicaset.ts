/** replicasets.apps: defaults as apps/v1 SetDefaults_ReplicaSet, checks as ValidateReplicaSetSpec. */
import type { KubeObject } from '../meta/object.ts';
import { asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { defineStrategy } from './strategy.ts';
import { selectorUnchanged, specOf, validateSelectorAndTemplate } from './workload-rules.ts';

export const replicaSetStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults(obj) {
    const spec = ensureObject(obj as Json, 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(spec.template);
  },
  // Upstream reuses the Deployment wording here.
  validate: (obj) => validateSelectorAndTemplate(specOf(obj), { selectorOwner: 'deployment', replicas: true }),
  validateUpdate: selectorUnchanged,
  fieldLabels: (obj: KubeObject) => ({ 'status.replicas': String(asObject(obj.status)?.replicas ?? 0) }),
});
