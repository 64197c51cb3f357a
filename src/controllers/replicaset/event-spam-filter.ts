import type { Clock } from '../../client/index.ts';
import type { EventRecorder } from '../framework/index.ts';

/** The part of the EventRecorder controllers call. */
export type EventSink = Pick<EventRecorder, 'record'>;

/** client-go's defaults: a burst of 25 events per object, then one per 5 minutes. */
const BURST = 25;
const REFILL_MS = 5 * 60 * 1000;

/**
 * client-go's EventSourceObjectSpamFilter in front of a recorder: each involved object has a
 * token bucket (burst 25, one token per 5 minutes) and events beyond it are dropped. This is
 * why upstream's ReplicaSet of 1,000 pods shows about 25 SuccessfulCreate events, not 1,000,
 * and it keeps a large scale-up from spending half its API writes on events.
 */
export function withSpamFilter(recorder: EventSink, clock: Clock): EventSink {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    record(obj, type, reason, message) {
      const key = [obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name, obj.metadata.uid].join('/');
      const now = clock.now();
      const bucket = buckets.get(key) ?? { tokens: BURST, at: now };
      bucket.tokens = Math.min(BURST, bucket.tokens + (now - bucket.at) / REFILL_MS);
      bucket.at = now;
      if (buckets.size > 4096 && !buckets.has(key)) buckets.clear();
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return;
      bucket.tokens -= 1;
      recorder.record(obj, type, reason, message);
    },
  };
}
