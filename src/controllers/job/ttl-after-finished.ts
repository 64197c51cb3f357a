import { isNotFound, objectKey, WorkQueue } from '../../client/index.ts';
import { resources, runWorkers, type Controller } from '../framework/index.ts';
import { type Job } from './job-types.ts';

/**
 * When a finished Job with ttlSecondsAfterFinished expires (upstream's ttlafterfinished
 * controller): the time it finished (the Complete or Failed condition's transition, as
 * upstream's jobFinishTime) plus the TTL. Undefined when it has no TTL or has not finished.
 */
export function jobExpiryMs(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return undefined;
  const done = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (!done) return undefined;
  const finished = Date.parse(done.lastTransitionTime ?? job.status?.completionTime ?? '');
  if (!Number.isFinite(finished)) return undefined;
  return finished + ttl * 1000;
}

/** Deletes finished Jobs once their TTL has passed, with foreground propagation as upstream. */
export const ttlAfterFinishedController: Controller = {
  name: 'ttl-after-finished',
  eventSource: 'ttl-after-finished-controller',
  async start(ctx, signal) {
    const jobs = ctx.informers.informerFor<Job>(resources.jobs);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const enqueue = (job: Job) => {
      if (!job.metadata.deletionTimestamp && jobExpiryMs(job) !== undefined) queue.add(objectKey(job));
    };
    jobs.addEventHandler({ onAdd: enqueue, onUpdate: (_, job) => enqueue(job) });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      async reconcile(key) {
        const job = jobs.get(key);
        if (!job || job.metadata.deletionTimestamp) return;
        const expiry = jobExpiryMs(job);
        if (expiry === undefined) return;
        const wait = expiry - ctx.now().getTime();
        if (wait > 0) return queue.addAfter(key, wait);
        try {
          // The uid precondition keeps a Job re-created under the same name safe.
          await ctx.client(resources.jobs).delete({ namespace: job.metadata.namespace, name: job.metadata.name!, propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      },
    });
  },
};
