/**
 * Posts core/v1 Events about pods as the scheduler (client-go's event recorder, without
 * aggregation): `Scheduled`, `FailedScheduling`, `Preempted`, so `kubectl describe pod`
 * tells the story. Writes run a few at a time in the background and never block binding.
 */
import { ResourceClient } from '../client/client.ts';
import type { KubeObject } from '../client/object.ts';
import type { Transport } from '../client/transport.ts';
import type { Pod } from './types.ts';

const EVENTS = { group: '', version: 'v1', resource: 'events', namespaced: true };

export interface EventRecorderOptions {
  transport: Transport;
  component: string;
  now?: () => Date;
  onError?: (error: unknown) => void;
  /** Writes in flight at most (default 4). */
  concurrency?: number;
}

export class EventRecorder {
  private readonly client: ResourceClient<KubeObject>;
  private readonly pending: KubeObject[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private seq = 0;

  constructor(private readonly options: EventRecorderOptions) {
    this.client = new ResourceClient({ transport: options.transport, type: EVENTS });
  }

  record(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const now = (this.options.now ?? (() => new Date()))();
    const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
    const micro = now.toISOString().replace(/Z$/, '000Z');
    const namespace = pod.metadata.namespace ?? 'default';
    this.pending.push({
      apiVersion: 'v1',
      kind: 'Event',
      // As client-go: the object's name and a unique hexadecimal suffix.
      metadata: { name: `${pod.metadata.name}.${(now.getTime() * 1000 + (this.seq++ % 1000)).toString(16)}`, namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace, name: pod.metadata.name, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion },
      reason,
      message,
      type,
      source: { component: this.options.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      eventTime: micro,
      count: 1,
      action: reason === 'FailedScheduling' || reason === 'Scheduled' ? 'Scheduling' : reason === 'Preempted' ? 'Preempting' : undefined,
      reportingComponent: this.options.component,
      reportingInstance: this.options.component,
    });
    this.drain();
  }

  /** Resolves when every recorded event has been written (or failed). */
  flush(): Promise<void> {
    if (this.inFlight === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drain(): void {
    while (this.inFlight < (this.options.concurrency ?? 4) && this.pending.length > 0) {
      const event = this.pending.shift()!;
      this.inFlight++;
      this.client
        .create(event)
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.inFlight--;
          this.drain();
          if (this.inFlight === 0 && this.pending.length === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
    }
  }
}
