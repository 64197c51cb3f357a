import type { PodTemplateSpec } from '../replicaset/types.ts';
import { computeHash } from '../framework/object-hash.ts';

/** The label a Deployment adds to its ReplicaSets' selectors and pods (apps/v1 DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The pod-template-hash of a template (upstream's controller.ComputeHash of the template). */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  return computeHash(template ?? {}, collisionCount ?? undefined);
}

