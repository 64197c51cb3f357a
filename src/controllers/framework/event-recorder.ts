import type { KubeObject, ResourceClient } from '../../client/index.ts';

export interface EventRecorder {
  /** Records a core/v1 Event about `obj` (fire-and-forget: events never fail a reconcile). */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

interface Seen {
  name: string;
  namespace: string;
  count: number;
  first: string;
}

/**
 * Events as client-go's recorder writes them: one Event per distinct (object, type, reason,
 * message), later repeats bump `count` and `lastTimestamp` (the correlator's aggregation), so
 * `kubectl describe` shows "x3 over 2m" rather than a flood.
 */
export function eventRecorder(opts: { client: ResourceClient; component: string; now: () => Date; onError?: (e: unknown) => void }): EventRecorder {
  const seen = new Map<string, Seen>();
  const stamp = () => opts.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    record(obj, type, reason, message) {
      const meta = obj.metadata;
      const namespace = meta.namespace || 'default';
      const key = [obj.kind, namespace, meta.name, meta.uid, type, reason, message].join('\u0000');
      const now = stamp();
      const prior = seen.get(key);
      if (prior) {
        prior.count++;
        opts.client
          .patch({ namespace: prior.namespace, name: prior.name, type: 'merge', patch: { count: prior.count, lastTimestamp: now } })
          .catch((e) => opts.onError?.(e));
        return;
      }
      const name = `${meta.name}.${(Date.now() * 1000 + Math.floor(Math.random() * 1000)).toString(16)}`;
      if (seen.size > 4096) seen.clear();
      seen.set(key, { name, namespace, count: 1, first: now });
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion },
        reason,
        message,
        type,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: opts.component },
        reportingComponent: opts.component,
        reportingInstance: opts.component,
      };
      opts.client.create(event, { namespace }).catch((e) => opts.onError?.(e));
    },
  };
}
