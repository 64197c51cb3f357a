import { NAMESPACE_INDEX, isNotFound, objectKey, WorkQueue, type Informer, type KubeObject } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { isNamespaceTerminating } from './endpoints/namespace-terminating.ts';
import { selectorMatches, serviceSelector, servicesForLabels, servicesToUpdateOnPodChange } from './endpoints/pod-membership.ts';
import { TriggerTimeTracker } from './endpoints/trigger-time.ts';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_TOPOLOGY_ZONE, type EndpointSlice, type Pod, type Service } from './endpoints/types.ts';
import { planServiceSlices } from './endpointslice/plan.ts';
import { ENDPOINTSLICE_CONTROLLER_NAME, withTriggerTime } from './endpointslice/slice-metadata.ts';
import { SliceTracker } from './endpointslice/slice-tracker.ts';

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a
 * selector, EndpointSlices `<service>-xxxxx` owned by the Service (so the garbage collector
 * removes them with it) holding its pods as endpoints with ready/serving/terminating
 * conditions, at most 100 per slice, rewritten with minimal churn as pods change.
 */
export const endpointSliceController: Controller = {
  name: 'endpointslice',
  eventSource: 'endpoint-slice-controller',
  async start(ctx, signal) {
    const services = ctx.informers.informerFor<Service>(resources.services);
    const pods = ctx.informers.informerFor<Pod>(resources.pods);
    const nodes = ctx.informers.informerFor<KubeObject>(resources.nodes);
    const slices = ctx.informers.informerFor<EndpointSlice>(resources.endpointSlices);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const tracker = new SliceTracker();
    const servicesOf = (namespace: string | undefined) => services.byIndex(NAMESPACE_INDEX, namespace ?? '');
    const enqueueForPod = (pod: Pod) => {
      for (const key of servicesForLabels(servicesOf(pod.metadata.namespace), pod.metadata.labels)) queue.add(key);
    };
    const serviceKeyOf = (slice: EndpointSlice) => {
      const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
      return name ? `${slice.metadata.namespace}/${name}` : undefined;
    };
    const managed = (slice: EndpointSlice) => slice.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME;
    const onSliceChange = (slice: EndpointSlice) => {
      const key = serviceKeyOf(slice);
      if (key && managed(slice) && tracker.shouldSync(key, slice)) queue.add(key);
    };

    services.addEventHandler({
      onAdd: (s) => queue.add(objectKey(s)),
      onUpdate: (_, s) => queue.add(objectKey(s)),
      onDelete: (s) => queue.add(objectKey(s)),
    });
    pods.addEventHandler({
      onAdd: enqueueForPod,
      onUpdate: (oldPod, newPod) => {
        for (const key of servicesToUpdateOnPodChange(servicesOf(newPod.metadata.namespace), oldPod, newPod)) queue.add(key);
      },
      onDelete: enqueueForPod,
    });
    slices.addEventHandler({
      onAdd: onSliceChange,
      onUpdate: (oldSlice, slice) => {
        // A slice whose managed-by label moved to or from us concerns its Service either way.
        if (managed(oldSlice) !== managed(slice)) {
          const key = serviceKeyOf(slice) ?? serviceKeyOf(oldSlice);
          if (key) queue.add(key);
        } else onSliceChange(slice);
      },
      onDelete: (slice) => {
        const key = serviceKeyOf(slice);
        if (key && managed(slice) && tracker.handleDeletion(key, slice)) queue.add(key);
      },
    });
    // Skiff's addition: endpoints carry their node's zone, so a zone label change resyncs the
    // Services of the pods on that node (upstream only reacts through topology hints).
    nodes.addEventHandler({
      onUpdate: (oldNode, node) => {
        if (oldNode.metadata.labels?.[LABEL_TOPOLOGY_ZONE] === node.metadata.labels?.[LABEL_TOPOLOGY_ZONE]) return;
        for (const pod of pods.list()) if ((pod.spec?.nodeName ?? '') === node.metadata.name) enqueueForPod(pod);
      },
      // A node appearing lets pods skipped for an unknown node in.
      onAdd: (node) => {
        if (!nodes.hasSynced()) return;
        for (const pod of pods.list()) if ((pod.spec?.nodeName ?? '') === node.metadata.name) enqueueForPod(pod);
      },
    });

    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const sync = new SliceSync({ ctx, services, pods, nodes, slices, tracker });
    await runWorkers({ queue, workers: ctx.options.workers, signal, reconcile: (key) => sync.reconcile(key) });
  },
};

class SliceSync {
  private readonly triggerTimes = new TriggerTimeTracker();

  constructor(
    private readonly deps: {
      ctx: ControllerContext;
      services: Informer<Service>;
      pods: Informer<Pod>;
      nodes: Informer<KubeObject>;
      slices: Informer<EndpointSlice>;
      tracker: SliceTracker;
    },
  ) {}

  async reconcile(key: string): Promise<void> {
    const { ctx, services, pods, nodes, slices, tracker } = this.deps;
    const service = services.get(key);
    if (!service) {
      // The garbage collector removes the slices through their owner reference.
      const [namespace, name] = key.split('/');
      this.triggerTimes.deleteService(namespace, name);
      tracker.deleteService(key);
      return;
    }
    if (service.spec?.type === 'ExternalName') return;
    const selector = serviceSelector(service);
    if (!selector) return;
    const namespace = service.metadata.namespace!;
    const selected = pods.byIndex(NAMESPACE_INDEX, namespace).filter((p) => selectorMatches(selector, p.metadata.labels));
    const existing = slices
      .byIndex(NAMESPACE_INDEX, namespace)
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === service.metadata.name && s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME);
    if (tracker.stale(key, existing)) throw new Error('EndpointSlice informer cache is out of date');
    const triggerTime = this.triggerTimes.compute(service, selected);
    const plan = planServiceSlices({ service, pods: selected, existing, node: (name) => nodes.get(name), controllerName: ENDPOINTSLICE_CONTROLLER_NAME });
    try {
      await this.apply(key, service, plan, triggerTime);
    } catch (error) {
      if (isNamespaceTerminating(error)) return;
      ctx.events.record(service, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${(error as Error).message}`);
      throw error;
    }
    if (plan.podsOnMissingNodes.length > 0) {
      throw new Error(`skipping Pods ${plan.podsOnMissingNodes.join(', ')} for Service ${key}: Node Not Found`);
    }
  }

  private async apply(key: string, service: Service, plan: ReturnType<typeof planServiceSlices>, triggerTime: Date | undefined): Promise<void> {
    const client = this.deps.ctx.client<EndpointSlice>(resources.endpointSlices);
    const namespace = service.metadata.namespace;
    // No new slices for a Service being deleted: the garbage collector would race them.
    if (!service.metadata.deletionTimestamp) {
      for (const slice of plan.create) {
        const created = await client.create(withTriggerTime(slice, triggerTime), { namespace });
        this.deps.tracker.update(key, created);
      }
    }
    for (const slice of plan.update) {
      const updated = await client.update(withTriggerTime(slice, triggerTime), { namespace });
      this.deps.tracker.update(key, updated);
    }
    for (const slice of plan.delete) {
      try {
        await client.delete({ namespace, name: slice.metadata.name! });
        this.deps.tracker.expectDeletion(key, slice);
      } catch (error) {
        // Already gone: nothing to expect.
        if (!isNotFound(error)) throw error;
      }
    }
  }
}
