import type { KubeObject } from '../../client/index.ts';
import { controllerOf } from '../framework/index.ts';
import { scaledValue } from '../daemonset/scaled-value.ts';
import type { PodDisruptionBudget } from './types.ts';

/** How many pods the budget expects and how many of them must stay healthy. */
export interface ExpectedCount {
  expectedCount: number;
  desiredHealthy: number;
}

/**
 * The replicas a pod's controller wants, found through its controller reference (upstream's
 * finders: a ReplicaSet owned by a Deployment answers the Deployment's scale, StatefulSets and
 * ReplicationControllers their own). `undefined` when the controller is unknown.
 */
export type ScaleOfController = (namespace: string, ref: { apiVersion: string; kind: string; name: string; uid: string }) => { uid: string; replicas: number } | undefined;

/** Thrown when the scale a percentage or maxUnavailable needs cannot be found (upstream's failSafe path). */
export class ExpectedScaleError extends Error {}

/**
 * Upstream's getExpectedPodCount (pkg/controller/disruption): maxUnavailable and percentage
 * minAvailable resolve against the owning controllers' summed scale (percentages round up);
 * an integer minAvailable counts the matching pods themselves.
 */
export function expectedPodCount(pdb: PodDisruptionBudget, pods: KubeObject[], scaleOf: ScaleOfController): ExpectedCount {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const expectedCount = expectedScale(pods, scaleOf);
    const unavailable = scaledValue(maxUnavailable, expectedCount, true, 0);
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - unavailable) };
  }
  if (minAvailable !== undefined && minAvailable !== null) {
    if (typeof minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: minAvailable };
    const expectedCount = expectedScale(pods, scaleOf);
    return { expectedCount, desiredHealthy: scaledValue(minAvailable, expectedCount, true, 0) };
  }
  return { expectedCount: pods.length, desiredHealthy: 0 };
}

/** Upstream's getExpectedScale: the sum of each distinct controller's replicas, in upstream's error words. */
function expectedScale(pods: KubeObject[], scaleOf: ScaleOfController): number {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) throw new ExpectedScaleError(`found no controller ref for pod "${pod.metadata.name}"`);
    const scale = scaleOf(pod.metadata.namespace ?? '', ref);
    if (!scale) throw new ExpectedScaleError(`found no controllers for pod "${pod.metadata.name}"`);
    seen.set(scale.uid, scale.replicas);
  }
  let total = 0;
  for (const replicas of seen.values()) total += replicas;
  return total;
}
