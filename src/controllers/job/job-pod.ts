import type { KubeObject } from '../../client/index.ts';
import { controllerRef, isPodReady, podPhase } from '../framework/index.ts';
import { COMPLETION_INDEX_KEY, JOB_TRACKING_FINALIZER, type Job } from './job-types.ts';

type PodSpec = { hostname?: string; containers?: Container[]; initContainers?: Container[]; [k: string]: unknown };
type Container = { env?: unknown[]; [k: string]: unknown };

/**
 * A pod of `job` as upstream's Job controller creates it: the template's labels and
 * annotations, a controller reference, the job-tracking finalizer, and for Indexed jobs the
 * completion index (annotation and label), the `<job>-<index>` hostname and the
 * JOB_COMPLETION_INDEX variable read from that annotation.
 */
export function newJobPod(job: Job, index?: number): KubeObject {
  const template = structuredClone(job.spec.template);
  const labels = { ...(template.metadata?.labels ?? {}) };
  const annotations = { ...(template.metadata?.annotations ?? {}) };
  const spec = (template.spec ?? {}) as PodSpec;
  const name = job.metadata.name!;
  let generateName = `${name}-`;
  if (index !== undefined) {
    annotations[COMPLETION_INDEX_KEY] = String(index);
    labels[COMPLETION_INDEX_KEY] = String(index);
    generateName = `${name}-${index}-`;
    spec.hostname ??= `${name}-${index}`;
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } };
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) c.env = [...(c.env ?? []), env];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [controllerRef(job, 'batch/v1', 'Job')],
      finalizers: [JOB_TRACKING_FINALIZER],
    },
    spec,
  };
}

/** The completion index of an Indexed Job's pod, or undefined. */
export function podIndex(pod: KubeObject): number | undefined {
  const text = pod.metadata.annotations?.[COMPLETION_INDEX_KEY] ?? pod.metadata.labels?.[COMPLETION_INDEX_KEY];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return ((pod.metadata.finalizers as string[] | undefined) ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** isPodFailed: Failed, or deleted before it succeeded (an orphan never reaches Failed). */
export function isPodFailed(pod: KubeObject, job: Job): boolean {
  if (podPhase(pod) === 'Failed') return true;
  if (job.spec.podFailurePolicy) return false;
  return !!pod.metadata.deletionTimestamp && podPhase(pod) !== 'Succeeded';
}

export function isPodSucceeded(pod: KubeObject): boolean {
  return podPhase(pod) === 'Succeeded';
}

/** Running or pending and not being deleted: what status.active counts. */
export function isPodActiveForJob(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodReadyForJob(pod: KubeObject): boolean {
  return isPodActiveForJob(pod) && isPodReady(pod);
}

/** When a pod finished: its last container's finishedAt, else its deletion or creation time. */
export function podFinishTime(pod: KubeObject): number {
  const statuses = ((pod.status as { containerStatuses?: { state?: { terminated?: { finishedAt?: string } } }[] } | undefined)?.containerStatuses) ?? [];
  const times = statuses.map((s) => Date.parse(s.state?.terminated?.finishedAt ?? '')).filter(Number.isFinite);
  if (times.length) return Math.max(...times);
  const conditions = ((pod.status as { conditions?: { type: string; lastTransitionTime?: string }[] } | undefined)?.conditions) ?? [];
  const ready = Date.parse(conditions.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '');
  if (Number.isFinite(ready)) return ready;
  return Date.parse(String(pod.metadata.deletionTimestamp ?? pod.metadata.creationTimestamp ?? '')) || 0;
}
