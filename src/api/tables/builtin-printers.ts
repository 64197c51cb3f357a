/**
 * The printer of every built-in resource, keyed by qualified resource (`pods`,
 * `deployments.apps`, `ingresses.networking.k8s.io`). Resources not listed print with
 * `defaultPrinter` (NAME CREATED AT), as upstream's do when they register no printer
 * (roles, clusterroles, limitranges, customresourcedefinitions, ...).
 */
import type { TablePrinter } from '../resources/types.ts';
import { configMapPrinter, secretPrinter, serviceAccountPrinter } from './config.ts';
import { defaultPrinter } from './default-printer.ts';
import { eventPrinter } from './events.ts';
import { leasePrinter } from './leases.ts';
import { certificateSigningRequestPrinter } from './certificate-signing-requests.ts';
import { horizontalPodAutoscalerPrinter } from './horizontal-pod-autoscalers.ts';
import { namespacePrinter } from './namespaces.ts';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './networking.ts';
import { nodePrinter } from './nodes.ts';
import { podDisruptionBudgetPrinter } from './pod-disruption-budgets.ts';
import { podPrinter } from './pods.ts';
import { priorityClassPrinter } from './priority-classes.ts';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.ts';
import { resourceQuotaPrinter } from './resource-quotas.ts';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage.ts';
import {
  controllerRevisionPrinter,
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  podTemplatePrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads.ts';

export { defaultPrinter } from './default-printer.ts';
export { customResourcePrinter, type PrinterColumn } from './custom-resource-printer.ts';

export const builtinPrinters: Record<string, TablePrinter> = {
  pods: podPrinter,
  podtemplates: podTemplatePrinter,
  replicationcontrollers: replicationControllerPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  events: eventPrinter,
  persistentvolumes: persistentVolumePrinter,
  persistentvolumeclaims: persistentVolumeClaimPrinter,
  resourcequotas: resourceQuotaPrinter,
  limitranges: defaultPrinter,
  'deployments.apps': deploymentPrinter,
  'replicasets.apps': replicaSetPrinter,
  'statefulsets.apps': statefulSetPrinter,
  'daemonsets.apps': daemonSetPrinter,
  'controllerrevisions.apps': controllerRevisionPrinter,
  'jobs.batch': jobPrinter,
  'cronjobs.batch': cronJobPrinter,
  'endpointslices.discovery.k8s.io': endpointSlicePrinter,
  'ingresses.networking.k8s.io': ingressPrinter,
  'ingressclasses.networking.k8s.io': ingressClassPrinter,
  'networkpolicies.networking.k8s.io': networkPolicyPrinter,
  'events.events.k8s.io': eventPrinter,
  'storageclasses.storage.k8s.io': storageClassPrinter,
  'rolebindings.rbac.authorization.k8s.io': roleBindingPrinter,
  'clusterrolebindings.rbac.authorization.k8s.io': clusterRoleBindingPrinter,
  'roles.rbac.authorization.k8s.io': defaultPrinter,
  'clusterroles.rbac.authorization.k8s.io': defaultPrinter,
  'leases.coordination.k8s.io': leasePrinter,
  'certificatesigningrequests.certificates.k8s.io': certificateSigningRequestPrinter,
  'horizontalpodautoscalers.autoscaling': horizontalPodAutoscalerPrinter,
  'priorityclasses.scheduling.k8s.io': priorityClassPrinter,
  'poddisruptionbudgets.policy': podDisruptionBudgetPrinter,
  'customresourcedefinitions.apiextensions.k8s.io': defaultPrinter,
};

/** The printer for a qualified resource, falling back to the default one. */
export function printerFor(qualifiedResource: string): TablePrinter {
  return builtinPrinters[qualifiedResource] ?? defaultPrinter;
}
