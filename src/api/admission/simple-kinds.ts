/**
 * Kinds whose only rules are the metadata ones (name format, namespace scope), so every
 * built-in resource gets metadata validation even before it has semantic checks of its own.
 */
import type { ResourceStrategy } from '../resources/types.ts';
import type { NameRule } from './object-meta.ts';
import { defineStrategy } from './strategy.ts';

const metadataOnly = (namespaced: boolean, nameRule: NameRule = 'dns1123Subdomain'): ResourceStrategy =>
  defineStrategy({ meta: { namespaced, nameRule } });

export const metadataOnlyStrategies: Record<string, ResourceStrategy> = {
  serviceaccounts: metadataOnly(true),
  endpoints: metadataOnly(true),
  limitranges: metadataOnly(true),
  resourcequotas: metadataOnly(true),
  'controllerrevisions.apps': metadataOnly(true),
  'endpointslices.discovery.k8s.io': metadataOnly(true),
  // SetDefaults_HorizontalPodAutoscaler: minReplicas 1 (both served versions share this key).
  'horizontalpodautoscalers.autoscaling': defineStrategy({
    meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
    defaults: (obj) => {
      const spec = (obj.spec ?? (obj.spec = {})) as { minReplicas?: number };
      if (spec.minReplicas === undefined) spec.minReplicas = 1;
    },
  }),
  'csidrivers.storage.k8s.io': metadataOnly(false),
  'csinodes.storage.k8s.io': metadataOnly(false),
  'volumeattachments.storage.k8s.io': metadataOnly(false),
  'runtimeclasses.node.k8s.io': metadataOnly(false),
  'customresourcedefinitions.apiextensions.k8s.io': metadataOnly(false),
  'apiservices.apiregistration.k8s.io': metadataOnly(false),
  'mutatingwebhookconfigurations.admissionregistration.k8s.io': metadataOnly(false),
  'validatingwebhookconfigurations.admissionregistration.k8s.io': metadataOnly(false),
  'certificatesigningrequests.certificates.k8s.io': metadataOnly(false),
};
