import { NAMESPACE_INDEX, isNotFound, objectKey, splitObjectKey, WorkQueue, type Informer } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { planEndpoints } from './endpoints/desired-endpoints.ts';
import { isNamespaceTerminating } from './endpoints/namespace-terminating.ts';
import { selectorMatches, serviceSelector, servicesForLabels, servicesToUpdateOnPodChange } from './endpoints/pod-membership.ts';
import { TriggerTimeTracker } from './endpoints/trigger-time.ts';
import { ANNOTATION_LEADER, type Endpoints, type Pod, type Service } from './endpoints/types.ts';

/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector
 * (ExternalName excepted) an Endpoints object of the same name listing the selected pods'
 * addresses and ports; deleted with its Service. Keys are Service keys.
 */
export const endpointsController: Controller = {
  name: 'endpoints',
  eventSource: 'endpoint-controller',
  async start(ctx, signal) {
    const services = ctx.informers.informerFor<Service>(resources.services);
    const pods = ctx.informers.informerFor<Pod>(resources.pods);
    const endpoints = ctx.informers.informerFor<Endpoints>(resources.endpoints);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const inNamespace = (pod: Pod) => services.byIndex(NAMESPACE_INDEX, pod.metadata.namespace ?? '');
    const enqueueForPod = (pod: Pod) => {
      for (const key of servicesForLabels(inNamespace(pod), pod.metadata.labels)) queue.add(key);
    };
    services.addEventHandler({
      onAdd: (s) => queue.add(objectKey(s)),
      onUpdate: (_, s) => queue.add(objectKey(s)),
      onDelete: (s) => queue.add(objectKey(s)),
    });
    pods.addEventHandler({
      onAdd: enqueueForPod,
      onUpdate: (oldPod, newPod) => {
        for (const key of servicesToUpdateOnPodChange(inNamespace(newPod), oldPod, newPod)) queue.add(key);
      },
      onDelete: enqueueForPod,
    });
    // Only deletions matter: a deleted Endpoints of a live selector Service is recreated.
    endpoints.addEventHandler({ onDelete: (e) => queue.add(objectKey(e)) });

    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    // checkLeftoverEndpoints: Endpoints whose Service went away while no controller ran.
    for (const e of endpoints.list()) if (!e.metadata.annotations?.[ANNOTATION_LEADER]) queue.add(objectKey(e));
    const sync = new EndpointsSync(ctx, services, pods, endpoints);
    await runWorkers({ queue, workers: ctx.options.workers, signal, reconcile: (key) => sync.reconcile(key) });
  },
};

class EndpointsSync {
  private readonly triggerTimes = new TriggerTimeTracker();
  /** Endpoints versions this controller replaced: a cache still showing one is behind (upstream's staleEndpointsTracker). */
  private readonly staleVersions = new Map<string, string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly services: Informer<Service>,
    private readonly pods: Informer<Pod>,
    private readonly endpoints: Informer<Endpoints>,
  ) {}

  async reconcile(key: string): Promise<void> {
    const { namespace, name } = splitObjectKey(key);
    const client = this.ctx.client<Endpoints>(resources.endpoints);
    const service = this.services.get(key);
    if (!service) {
      // The Service is gone: so are its Endpoints (upstream deletes them explicitly, GC aside).
      try {
        await client.delete({ namespace, name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      this.triggerTimes.deleteService(namespace ?? '', name);
      this.staleVersions.delete(key);
      return;
    }
    // ExternalName Services and Services without a selector get no Endpoints from here
    // (issues.k8s.io/105986); the latter's are written by their users.
    if (service.spec?.type === 'ExternalName') return;
    const selector = serviceSelector(service);
    if (!selector) return;
    const pods = this.pods.byIndex(NAMESPACE_INDEX, namespace ?? '').filter((p) => selectorMatches(selector, p.metadata.labels));
    // Computed before the no-op check so the tracker's state follows every sync.
    const triggerTime = this.triggerTimes.compute(service, pods);
    const current = this.endpoints.get(key);
    if (current && this.staleVersions.get(key) === current.metadata.resourceVersion) {
      throw new Error(`endpoints informer cache is out of date, resource version ${current.metadata.resourceVersion} already processed for endpoints ${key}`);
    }
    const plan = planEndpoints({ service, pods, current, triggerTime });
    if (!plan.write) return;
    try {
      if (plan.write === 'create') {
        await client.create(plan.endpoints, { namespace });
      } else {
        const updated = await client.update(plan.endpoints, { namespace });
        if (updated.metadata.resourceVersion !== current!.metadata.resourceVersion) this.staleVersions.set(key, current!.metadata.resourceVersion!);
      }
    } catch (error) {
      if (plan.write === 'create' && isNamespaceTerminating(error)) return;
      const message = (error as Error).message;
      if (plan.write === 'create') {
        this.ctx.events.record(plan.endpoints, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${message}`);
      } else {
        this.ctx.events.record(plan.endpoints, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${message}`);
      }
      throw error;
    }
  }
}
