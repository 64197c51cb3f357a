import { isAlreadyExists, isNotFound, objectKey, splitObjectKey, WorkQueue, type KubeObject } from '../client/index.ts';
import { controllerOf, ownerKey, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { planCronJob } from './cronjob/cronjob-plan.ts';
import type { CronJob, ObjectReference } from './cronjob/cronjob-types.ts';
import { canonicalJson } from './framework/object-hash.ts';

/**
 * The CronJob controller (upstream cronjob_controllerv2): starts a Job per activation of the
 * schedule, honouring time zones, concurrencyPolicy, suspend, startingDeadlineSeconds and the
 * history limits. Each CronJob is requeued for its next activation; the decisions are
 * planCronJob's, this file reads caches and writes.
 */
export const cronJobController: Controller = {
  name: 'cronjob',
  eventSource: 'cronjob-controller',
  async start(ctx, signal) {
    const cronJobs = ctx.informers.informerFor<CronJob>(resources.cronJobs);
    const jobs = ctx.informers.informerFor(resources.jobs);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const enqueue = (cj: KubeObject) => queue.add(objectKey(cj));
    const enqueueOwner = (job: KubeObject) => {
      const key = ownerKey(job, 'CronJob');
      if (key) queue.add(key);
    };
    cronJobs.addEventHandler({ onAdd: enqueue, onUpdate: (_, cj) => enqueue(cj) });
    jobs.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_, j) => enqueueOwner(j), onDelete: enqueueOwner });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (key) => {
        const cj = cronJobs.get(key);
        if (!cj?.metadata.uid) return;
        const { namespace } = splitObjectKey(key);
        const owned = jobs.byIndex('namespace', namespace ?? '').filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
        const requeueMs = await syncCronJob(ctx, cj, owned);
        if (requeueMs !== undefined) queue.addAfter(key, requeueMs);
      },
    });
  },
};

async function syncCronJob(ctx: ControllerContext, cj: CronJob, owned: KubeObject[]): Promise<number | undefined> {
  const plan = planCronJob({ cronJob: cj, jobs: owned, now: ctx.now() });
  const jobClient = ctx.client(resources.jobs);
  for (const e of plan.events) ctx.events.record(cj, e.type, e.reason, e.message);
  const deleteJob = async (job: KubeObject) => {
    try {
      await jobClient.delete({ namespace: job.metadata.namespace, name: job.metadata.name!, propagationPolicy: 'Background' });
      ctx.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    } catch (error) {
      if (!isNotFound(error)) {
        ctx.events.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${(error as Error).message}`);
        throw error;
      }
    }
  };
  for (const job of plan.replace) await deleteJob(job);
  if (plan.create) {
    let job: KubeObject;
    try {
      job = await jobClient.create(plan.create);
      ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    } catch (error) {
      if (!isAlreadyExists(error)) {
        ctx.events.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`);
        throw error;
      }
      // A Job of this activation already exists: ours if a restart came between its creation
      // and the status update (the deterministic name makes that safe to adopt into status).
      job = await jobClient.get({ namespace: cj.metadata.namespace, name: plan.create.metadata.name! });
      if (controllerOf(job)?.uid !== cj.metadata.uid) throw error;
    }
    const ref: ObjectReference = { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
    plan.status.active = [...(plan.status.active ?? []).filter((r) => r.uid !== ref.uid), ref];
  }
  if (canonicalJson(plan.status) !== canonicalJson(cj.status ?? {})) {
    await ctx.client<CronJob>(resources.cronJobs).updateStatus({ ...structuredClone(cj), status: plan.status });
  }
  for (const job of plan.cleanUp) await deleteJob(job);
  return plan.requeueAfterMs;
}
