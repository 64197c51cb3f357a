import { NAMESPACE_INDEX, isNotFound, objectKey, splitObjectKey, WorkQueue, type Informer } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { isNamespaceTerminating } from './endpoints/namespace-terminating.ts';
import { serviceSelector } from './endpoints/pod-membership.ts';
import { ANNOTATION_LEADER, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_SKIP_MIRROR, type EndpointSlice, type Endpoints, type Service } from './endpoints/types.ts';
import { SliceTracker } from './endpointslice/slice-tracker.ts';
import { MAX_ADDRESSES_PER_SUBSET, MIRRORING_CONTROLLER_NAME, planMirroredSlices } from './endpointslice-mirroring/plan.ts';

/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): Endpoints
 * that users write for a Service without a selector are mirrored into EndpointSlices, so
 * consumers of slices (the service proxy, DNS) see them too. Endpoints labelled
 * `endpointslice.kubernetes.io/skip-mirror: "true"` (the API server's own `kubernetes` ones)
 * and leader-election records are left alone. Keys are Endpoints (= Service) keys.
 */
export const endpointSliceMirroringController: Controller = {
  name: 'endpointslice-mirroring',
  eventSource: 'endpoint-slice-mirroring-controller',
  async start(ctx, signal) {
    const services = ctx.informers.informerFor<Service>(resources.services);
    const endpoints = ctx.informers.informerFor<Endpoints>(resources.endpoints);
    const slices = ctx.informers.informerFor<EndpointSlice>(resources.endpointSlices);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const tracker = new SliceTracker();
    const mirrored = (slice: EndpointSlice) => slice.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME;
    const keyOf = (slice: EndpointSlice) => {
      const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
      return name ? `${slice.metadata.namespace}/${name}` : undefined;
    };
    const onSlice = (slice: EndpointSlice) => {
      const key = keyOf(slice);
      if (key && mirrored(slice) && tracker.shouldSync(key, slice)) queue.add(key);
    };
    const enqueue = (obj: Service | Endpoints) => queue.add(objectKey(obj));
    services.addEventHandler({ onAdd: enqueue, onUpdate: (_, s) => enqueue(s), onDelete: enqueue });
    endpoints.addEventHandler({ onAdd: enqueue, onUpdate: (_, e) => enqueue(e), onDelete: enqueue });
    slices.addEventHandler({
      onAdd: onSlice,
      onUpdate: (oldSlice, slice) => {
        if (mirrored(oldSlice) !== mirrored(slice)) {
          const key = keyOf(slice) ?? keyOf(oldSlice);
          if (key) queue.add(key);
        } else onSlice(slice);
      },
      onDelete: (slice) => {
        const key = keyOf(slice);
        if (key && mirrored(slice) && tracker.handleDeletion(key, slice)) queue.add(key);
      },
    });

    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const sync = new MirrorSync({ ctx, services, endpoints, slices, tracker });
    await runWorkers({ queue, workers: ctx.options.workers, signal, reconcile: (key) => sync.reconcile(key) });
  },
};

class MirrorSync {
  constructor(
    private readonly deps: {
      ctx: ControllerContext;
      services: Informer<Service>;
      endpoints: Informer<Endpoints>;
      slices: Informer<EndpointSlice>;
      tracker: SliceTracker;
    },
  ) {}

  async reconcile(key: string): Promise<void> {
    const { ctx, services, tracker } = this.deps;
    const { namespace, name } = splitObjectKey(key);
    const existing = this.deps.slices
      .byIndex(NAMESPACE_INDEX, namespace ?? '')
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name && s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME);
    const endpoints = this.deps.endpoints.get(key);
    const service = services.get(key);
    // Nothing to mirror: no Endpoints, skip-mirror or a leader-election record, no Service, or
    // a Service with a selector (whose slices the EndpointSlice controller writes).
    if (!endpoints || !shouldMirror(endpoints) || !service || serviceSelector(service)) {
      await this.deleteAll(key, existing);
      if (!endpoints) tracker.deleteService(key);
      return;
    }
    if (tracker.stale(key, existing)) throw new Error('EndpointSlice informer cache is out of date');
    const plan = planMirroredSlices({ endpoints, existing });
    if (plan.invalidAddresses > 0) {
      ctx.events.record(endpoints, 'Warning', 'InvalidIPAddress', `Skipped ${plan.invalidAddresses} invalid IP addresses when mirroring to EndpointSlices`);
    }
    if (plan.skippedAddresses > plan.invalidAddresses) {
      ctx.events.record(
        endpoints,
        'Warning',
        'TooManyAddressesToMirror',
        `A max of ${MAX_ADDRESSES_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${plan.skippedAddresses} addresses were skipped`,
      );
    }
    const client = ctx.client<EndpointSlice>(resources.endpointSlices);
    try {
      if (!endpoints.metadata.deletionTimestamp) {
        for (const slice of plan.create) tracker.update(key, await client.create(slice, { namespace }));
      }
      for (const slice of plan.update) tracker.update(key, await client.update(slice, { namespace }));
      await this.deleteAll(key, plan.delete);
    } catch (error) {
      if (isNamespaceTerminating(error)) return;
      ctx.events.record(endpoints, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating EndpointSlices for Endpoints ${key}: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deleteAll(key: string, slices: EndpointSlice[]): Promise<void> {
    const client = this.deps.ctx.client<EndpointSlice>(resources.endpointSlices);
    for (const slice of slices) {
      try {
        await client.delete({ namespace: slice.metadata.namespace, name: slice.metadata.name! });
        this.deps.tracker.expectDeletion(key, slice);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }
}

function shouldMirror(endpoints: Endpoints): boolean {
  return endpoints.metadata.labels?.[LABEL_SKIP_MIRROR] !== 'true' && !endpoints.metadata.annotations?.[ANNOTATION_LEADER];
}
