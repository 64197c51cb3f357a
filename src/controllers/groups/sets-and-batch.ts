import type { Controller } from '../framework/index.ts';
import { cronJobController } from '../cronjob.ts';
import { daemonSetController } from '../daemonset.ts';
import { jobController } from '../job.ts';
import { ttlAfterFinishedController } from '../job/ttl-after-finished.ts';
import { statefulSetController } from '../statefulset.ts';

/** The sets-and-batch controllers, in start order. */
export const setsAndBatchControllers: Controller[] = [daemonSetController, statefulSetController, jobController, cronJobController, ttlAfterFinishedController];
