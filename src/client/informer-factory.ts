import { setMaxListeners } from 'node:events';
import { ResourceClient } from './client.ts';
import type { Clock } from './clock.ts';
import { Informer } from './informer.ts';
import type { KubeObject } from './object.ts';
import type { ResourceType } from './resource-paths.ts';
import type { Transport } from './transport.ts';

export interface SharedInformerFactoryOptions {
  transport: Transport;
  /** Every informer watches only this namespace when set (client-go's WithNamespace). */
  namespace?: string;
  clock?: Clock;
  random?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * One informer per resource (and namespace) shared by every controller that asks, so ten
 * controllers interested in pods hold one cache and one watch (client-go's
 * SharedInformerFactory). Informers asked for after `start` are started by the next `start`.
 *
 * @example
 * const factory = new SharedInformerFactory({ transport });
 * const pods = factory.informerFor<Pod>({ group: '', version: 'v1', resource: 'pods', namespaced: true });
 * factory.start(signal);
 * await factory.waitForCacheSync(signal);
 */
export class SharedInformerFactory {
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private readonly started = new Set<string>();

  constructor(private readonly options: SharedInformerFactoryOptions) {}

  informerFor<T extends KubeObject>(type: ResourceType, select: { namespace?: string } = {}): Informer<T> {
    const namespace = type.namespaced ? select.namespace ?? this.options.namespace : undefined;
    const key = `${type.group}/${type.version}/${type.resource}/${namespace ?? ''}`;
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new Informer<KubeObject>({
        source: new ResourceClient({ transport: this.options.transport, type }),
        namespace,
        clock: this.options.clock,
        random: this.options.random,
        onError: this.options.onError,
        name: type.group ? `${type.resource}.${type.group}` : type.resource,
      });
      this.informers.set(key, informer);
    }
    return informer as unknown as Informer<T>;
  }

  /** Starts every informer not yet started; does not wait for their lists (see waitForCacheSync). */
  start(signal?: AbortSignal): void {
    for (const [key, informer] of this.informers) {
      if (this.started.has(key)) continue;
      this.started.add(key);
      // A stop before the first list rejects start(); waitForCacheSync reports that as false.
      informer.start(signal).catch(() => {});
    }
  }

  /** Resolves true once every started informer has listed; false if `signal` aborts first. */
  async waitForCacheSync(signal?: AbortSignal): Promise<boolean> {
    const started = [...this.informers].filter(([key]) => this.started.has(key)).map(([, informer]) => informer);
    // Each informer listens to `signal` until it has synced: many at once is expected, not a leak.
    if (signal) setMaxListeners(0, signal);
    const results = await Promise.all(started.map((informer) => informer.waitForSync(signal)));
    return results.every(Boolean);
  }

  /** Stops every informer and waits until their connections are closed. */
  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.stop()));
  }
}
