import { ResourceClient } from './client.ts';
import type { KubeObject } from './object.ts';
import type { Transport } from './transport.ts';

const EVENTS = { group: '', version: 'v1', resource: 'events', namespaced: true };

export interface EventRecorderOptions {
  transport: Transport;
  /** source.component and reportingComponent: `default-scheduler`, `deployment-controller`... */
  component: string;
  now?: () => Date;
  onError?: (error: unknown) => void;
  /** Writes in flight at most (default 4); the rest wait, so events never starve real work. */
  concurrency?: number;
}

type Write = () => Promise<unknown>;

/**
 * core/v1 Events as client-go's recorder writes them (tools/record): the first occurrence of
 * an (object, type, reason, message) creates an Event named `<object>.<hex time>`, repeats
 * bump its `count` and `lastTimestamp` (the correlator's aggregation, so `kubectl describe`
 * shows "x3 over 2m"). Writes run a few at a time in the background and never fail a caller.
 */
export class EventRecorder {
  private readonly client: ResourceClient<KubeObject>;
  private readonly pending: Write[] = [];
  private readonly seen = new Map<string, { name: string; namespace: string; count: number }>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private seq = 0;

  constructor(private readonly options: EventRecorderOptions) {
    this.client = new ResourceClient({ transport: options.transport, type: EVENTS });
  }

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, action?: string): void {
    const now = (this.options.now ?? (() => new Date()))();
    const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const key = [obj.kind, namespace, meta.name, meta.uid, type, reason, message].join('\u0000');
    const prior = this.seen.get(key);
    if (prior) {
      const count = ++prior.count;
      this.enqueue(() => this.client.patch({ namespace: prior.namespace, name: prior.name, type: 'merge', patch: { count, lastTimestamp: stamp } }));
      return;
    }
    const name = `${meta.name}.${(now.getTime() * 1000 + (this.seq++ % 1000)).toString(16)}`;
    if (this.seen.size > 4096) this.seen.clear();
    this.seen.set(key, { name, namespace, count: 1 });
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, resourceVersion: meta.resourceVersion },
      reason,
      message,
      type,
      source: { component: this.options.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      ...(action ? { action } : {}),
      reportingComponent: this.options.component,
      reportingInstance: this.options.component,
    };
    this.enqueue(() => this.client.create(event, { namespace }));
  }

  /** Resolves when every recorded event has been written (or failed). */
  flush(): Promise<void> {
    if (this.inFlight === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(write: Write): void {
    this.pending.push(write);
    this.drain();
  }

  private drain(): void {
    while (this.inFlight < (this.options.concurrency ?? 4) && this.pending.length > 0) {
      const write = this.pending.shift()!;
      this.inFlight++;
      write()
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.inFlight--;
          this.drain();
          if (this.inFlight === 0 && this.pending.length === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
    }
  }
}
