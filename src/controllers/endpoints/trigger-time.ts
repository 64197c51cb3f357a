import type { Pod, Service } from './types.ts';

interface ServiceState {
  serviceTriggerTime: number;
  podTriggerTimes: Map<string, number>;
}

/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` value (k8s.io/endpointslice/util's
 * TriggerTimeTracker): for a Service seen for the first time, its creationTimestamp; after
 * that, the earliest of the pods' Ready-condition transition times (and the Service's
 * creation) that changed since the previous sync; undefined when none changed (the annotation
 * is then removed). Like upstream, it may be approximate when one object changes twice
 * between two syncs. One instance per controller; never called twice at once for one key.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  compute(service: Service, pods: Pod[]): Date | undefined {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const previous = this.states.get(key);
    let earliest: number | undefined;
    const podTriggerTimes = new Map<string, number>();
    for (const pod of pods) {
      const time = podTriggerTime(pod);
      if (time === undefined) continue;
      podTriggerTimes.set(pod.metadata.name!, time);
      if (time > (previous?.podTriggerTimes.get(pod.metadata.name!) ?? -Infinity)) earliest = Math.min(earliest ?? time, time);
    }
    const serviceTriggerTime = parseTime(service.metadata.creationTimestamp as string | undefined) ?? 0;
    if (serviceTriggerTime > (previous?.serviceTriggerTime ?? -Infinity)) earliest = Math.min(earliest ?? serviceTriggerTime, serviceTriggerTime);
    this.states.set(key, { serviceTriggerTime, podTriggerTimes });
    if (!previous) return serviceTriggerTime ? new Date(serviceTriggerTime) : undefined;
    return earliest !== undefined && earliest > 0 ? new Date(earliest) : undefined;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

function podTriggerTime(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return parseTime(ready?.lastTransitionTime);
}

function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** time.RFC3339Nano as Go writes it: no trailing zeros in the fraction, none at all for whole seconds. */
export function formatRfc3339Nano(date: Date): string {
  return date.toISOString().replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}
