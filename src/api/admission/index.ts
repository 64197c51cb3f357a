/**
 * Defaulting and validation of the built-in types, keyed by qualified resource
 * (`pods`, `deployments.apps`), as kube-apiserver's per-type REST strategies.
 *
 * @example
 * const strategy = builtinStrategies['deployments.apps'];
 * strategy.defaults?.(obj);
 * const causes = strategy.validateCreate?.(obj) ?? [];
 * if (causes.length) throw errors.invalid('Deployment', 'apps', obj.metadata.name ?? '', causes);
 */
import type { ResourceStrategy } from '../resources/types.ts';
import { configMapStrategy, secretStrategy } from './config-data.ts';
import { cronJobStrategy } from './cronjob.ts';
import { daemonSetStrategy } from './daemonset.ts';
import { deploymentStrategy } from './deployment.ts';
import { podDisruptionBudgetStrategy } from './disruption-budget.ts';
import { coreEventStrategy, eventsApiEventStrategy } from './event.ts';
import { jobStrategy } from './job.ts';
import { leaseStrategy } from './lease.ts';
import { namespaceStrategy } from './namespace.ts';
import { ingressClassStrategy, ingressStrategy, networkPolicyStrategy } from './networking.ts';
import { nodeStrategy } from './node.ts';
import { podStrategy, podTemplateStrategy } from './pod.ts';
import { priorityClassStrategy } from './priority-class.ts';
import { clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy } from './rbac.ts';
import { replicaSetStrategy } from './replicaset.ts';
import { createServiceStrategy, type PortRange } from './service.ts';
import { metadataOnlyStrategies } from './simple-kinds.ts';
import { statefulSetStrategy } from './statefulset.ts';
import { persistentVolumeClaimStrategy, persistentVolumeStrategy, storageClassStrategy } from './storage.ts';

export { validateObjectMeta, validateObjectMetaUpdate, type NameRule, type ObjectMetaRules } from './object-meta.ts';
export { canonicalQuantity, parseQuantity, Quantity, QuantityError } from '../../quantity/quantity.ts';
export { defaultNodePortRange, type PortRange } from './service.ts';

export interface BuiltinStrategyOptions {
  /** `--service-node-port-range`, 30000-32767 by default. */
  serviceNodePortRange?: PortRange;
}

/** Every built-in strategy, with the server's settings. */
export function createBuiltinStrategies(options: BuiltinStrategyOptions = {}): Record<string, ResourceStrategy> {
  return {
    ...metadataOnlyStrategies,
    pods: podStrategy,
    podtemplates: podTemplateStrategy,
    services: createServiceStrategy({ nodePortRange: options.serviceNodePortRange }),
    namespaces: namespaceStrategy,
    nodes: nodeStrategy,
    configmaps: configMapStrategy,
    secrets: secretStrategy,
    events: coreEventStrategy,
    persistentvolumeclaims: persistentVolumeClaimStrategy,
    persistentvolumes: persistentVolumeStrategy,
    'deployments.apps': deploymentStrategy,
    'replicasets.apps': replicaSetStrategy,
    'statefulsets.apps': statefulSetStrategy,
    'daemonsets.apps': daemonSetStrategy,
    'jobs.batch': jobStrategy,
    'cronjobs.batch': cronJobStrategy,
    'ingresses.networking.k8s.io': ingressStrategy,
    'ingressclasses.networking.k8s.io': ingressClassStrategy,
    'networkpolicies.networking.k8s.io': networkPolicyStrategy,
    'poddisruptionbudgets.policy': podDisruptionBudgetStrategy,
    'priorityclasses.scheduling.k8s.io': priorityClassStrategy,
    'storageclasses.storage.k8s.io': storageClassStrategy,
    'leases.coordination.k8s.io': leaseStrategy,
    'events.events.k8s.io': eventsApiEventStrategy,
    'roles.rbac.authorization.k8s.io': roleStrategy,
    'clusterroles.rbac.authorization.k8s.io': clusterRoleStrategy,
    'rolebindings.rbac.authorization.k8s.io': roleBindingStrategy,
    'clusterrolebindings.rbac.authorization.k8s.io': clusterRoleBindingStrategy,
  };
}

/** The strategies with default settings (node ports 30000-32767). */
export const builtinStrategies: Record<string, ResourceStrategy> = createBuiltinStrategies();
