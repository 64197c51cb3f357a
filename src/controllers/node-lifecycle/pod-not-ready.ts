import type { KubeObject } from '../../client/index.ts';

interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  reason?: string;
  message?: string;
}

/**
 * The status of a pod on a node that stopped being Ready (upstream's MarkPodsNotReady): its
 * Ready condition becomes False, so endpoints stop sending it traffic. Undefined when the
 * pod is already not ready, finished, or has no Ready condition.
 */
export function podStatusMarkedNotReady(pod: KubeObject, now: string): Record<string, unknown> | undefined {
  const status = (pod.status ?? {}) as { phase?: string; conditions?: PodCondition[] };
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return undefined;
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return undefined;
  const conditions = status.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
  return { ...structuredClone(status), conditions };
}
