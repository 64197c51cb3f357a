import { isNotFound, objectKey, splitObjectKey, WorkQueue, type KubeObject } from '../client/index.ts';
import { controllerOf, ownerKey, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { canonicalJson } from './framework/object-hash.ts';
import { newJobPod, hasTrackingFinalizer } from './job/job-pod.ts';
import { planJobSync } from './job/job-sync.ts';
import { JOB_TRACKING_FINALIZER, type Job } from './job/job-types.ts';
import { PodExpectations } from './job/pod-expectations.ts';

/**
 * The Job controller (upstream pkg/controller/job): runs pods until `completions` succeed or
 * the job fails (backoffLimit, activeDeadlineSeconds), tracking every pod through the
 * job-tracking finalizer. The decisions are planJobSync's; this file reads caches and writes.
 */
export const jobController: Controller = {
  name: 'job',
  eventSource: 'job-controller',
  async start(ctx, signal) {
    const jobs = ctx.informers.informerFor<Job>(resources.jobs);
    const pods = ctx.informers.informerFor(resources.pods);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const expectations = new PodExpectations(() => ctx.clock.now());
    const enqueueJob = (job: Job) => queue.add(objectKey(job));
    jobs.addEventHandler({ onAdd: enqueueJob, onUpdate: (_, job) => enqueueJob(job), onDelete: (job) => (expectations.forget(objectKey(job)), enqueueJob(job)) });
    const podChanged = (pod: KubeObject, deleted = false) => {
      const key = ownerKey(pod, 'Job');
      if (!key) return;
      if (deleted || pod.metadata.deletionTimestamp) expectations.observedDelete(key, pod.metadata.uid!);
      queue.add(key);
    };
    pods.addEventHandler({
      onAdd: (pod) => {
        const key = ownerKey(pod, 'Job');
        if (key) expectations.observedAdd(key);
        podChanged(pod);
      },
      onUpdate: (_, pod) => podChanged(pod),
      onDelete: (pod) => podChanged(pod, true),
    });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: (key) => syncJob({ ctx, key, jobs: (k) => jobs.get(k), podsIn: (ns) => pods.byIndex('namespace', ns), queue, expectations }),
    });
  },
};

async function syncJob(o: {
  ctx: ControllerContext;
  key: string;
  jobs: (key: string) => Job | undefined;
  podsIn: (namespace: string) => KubeObject[];
  queue: WorkQueue<string>;
  expectations: PodExpectations;
}): Promise<void> {
  const { ctx, key } = o;
  const cached = o.jobs(key);
  const { namespace, name } = splitObjectKey(key);
  // As upstream's orphan handling: pods of a deleted Job (or of an older Job of the same name)
  // must not keep the finalizer, or they could never go away.
  const orphans = o.podsIn(namespace ?? '').filter((p) => {
    const ref = controllerOf(p);
    return ref?.kind === 'Job' && ref.name === name && ref.uid !== cached?.metadata.uid && hasTrackingFinalizer(p);
  });
  await Promise.all(orphans.map((pod) => removeTrackingFinalizer(ctx, pod)));
  if (!cached || !cached.metadata.uid) return;
  if (!o.expectations.satisfied(key)) return;
  const owned = o.podsIn(namespace ?? '').filter((p) => controllerOf(p)?.uid === cached.metadata.uid);
  const plan = planJobSync(cached, owned, ctx.now().getTime());
  const jobClient = ctx.client<Job>(resources.jobs);
  const podClient = ctx.client(resources.pods);

  // Status first: the UIDs of finished pods must be recorded before their finalizers go.
  if (canonicalJson(plan.status) !== canonicalJson(cached.status ?? {})) {
    const job = structuredClone(cached);
    job.status = plan.status;
    await jobClient.updateStatus(job);
  }
  for (const e of plan.events) ctx.events.record(cached, e.type, e.reason, e.message);
  await Promise.all(plan.removeFinalizers.filter(hasTrackingFinalizer).map((pod) => removeTrackingFinalizer(ctx, pod)));

  o.expectations.expect(key, plan.create.length, plan.delete.map((p) => p.metadata.uid!));
  const failures: unknown[] = [];
  await Promise.all([
    ...plan.create.map(async (index) => {
      try {
        const pod = await podClient.create(newJobPod(cached, index), { namespace });
        ctx.events.record(cached, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (error) {
        o.expectations.observedAdd(key);
        ctx.events.record(cached, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
        failures.push(error);
      }
    }),
    ...plan.delete.map(async (pod) => {
      try {
        await podClient.delete({ namespace, name: pod.metadata.name! });
        ctx.events.record(cached, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (error) {
        o.expectations.observedDelete(key, pod.metadata.uid!);
        if (!isNotFound(error)) failures.push(error);
      }
    }),
  ]);
  if (failures.length) throw failures[0];
  if (plan.requeueAfterMs !== undefined && plan.requeueAfterMs > 0) o.queue.addAfter(key, plan.requeueAfterMs);
}

/** Drops the job-tracking finalizer with a JSON patch guarded by the pod's resourceVersion. */
async function removeTrackingFinalizer(ctx: ControllerContext, pod: KubeObject): Promise<void> {
  const finalizers = (pod.metadata.finalizers as string[]).filter((f) => f !== JOB_TRACKING_FINALIZER);
  try {
    await ctx.client(resources.pods).patch({
      namespace: pod.metadata.namespace,
      name: pod.metadata.name!,
      type: 'merge',
      patch: { metadata: { resourceVersion: pod.metadata.resourceVersion, finalizers } },
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
