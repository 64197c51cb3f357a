import { EventRecorder, ResourceClient, SharedInformerFactory, systemClock, type Clock, type KubeObject, type ResourceType, type Transport } from '../client/index.ts';
import type { Controller, ControllerContext, ControllerOptions } from './framework/index.ts';
import { defaultControllers } from './registry.ts';

export interface ControllerManagerOptions {
  transport: Transport;
  /** Shared with the scheduler in the server; a private one is made otherwise. */
  informers?: SharedInformerFactory;
  options: ControllerOptions;
  controllers?: Controller[];
  clock?: Clock;
  now?: () => Date;
  log?: (message: string) => void;
}

/**
 * kube-controller-manager in one object: one shared informer factory, one event recorder, and
 * every controller started with them. Controllers register their informers synchronously at
 * the top of `start` (before their first await); the manager then starts the factory.
 */
export class ControllerManager {
  private informers?: SharedInformerFactory;
  private running: Promise<unknown>[] = [];

  constructor(private readonly opts: ControllerManagerOptions) {}

  start(signal: AbortSignal): void {
    const o = this.opts;
    const log = o.log ?? (() => {});
    const informers = (this.informers = o.informers ?? new SharedInformerFactory({ transport: o.transport, clock: o.clock, onError: (e) => log(`informer: ${String(e)}`) }));
    const now = o.now ?? (() => new Date());
    const client = <T extends KubeObject>(type: ResourceType) => new ResourceClient<T>({ transport: o.transport, type });
    const ctx: ControllerContext = {
      informers,
      transport: o.transport,
      client,
      events: new EventRecorder({ transport: o.transport, component: 'kube-controller-manager', now, onError: (e) => log(`events: ${String(e)}`) }),
      clock: o.clock ?? systemClock,
      now,
      options: o.options,
    };
    for (const controller of o.controllers ?? defaultControllers()) {
      const own = controller.eventSource
        ? { ...ctx, events: new EventRecorder({ transport: o.transport, component: controller.eventSource, now, onError: (e) => log(`events: ${String(e)}`) }) }
        : ctx;
      this.running.push(
        controller.start(own, signal).catch((e) => log(`controller ${controller.name} stopped: ${e instanceof Error ? e.stack : String(e)}`)),
      );
    }
    informers.start(signal);
  }

  /** Resolves once every informer listed (controllers are then working from full caches). */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    return (await this.informers?.waitForCacheSync(signal)) ?? true;
  }

  async stop(): Promise<void> {
    // Shared informers belong to whoever made them (the server stops them last).
    if (!this.opts.informers) await this.informers?.stop();
    await Promise.allSettled(this.running);
  }
}
