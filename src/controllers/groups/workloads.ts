import { deploymentController } from '../deployment.ts';
import { disruptionController } from '../disruption.ts';
import type { Controller } from '../framework/index.ts';
import { replicaSetController } from '../replicaset.ts';
import { replicationControllerController } from '../replicationcontroller.ts';

/** The workloads controllers, in start order. */
export const workloadsControllers: Controller[] = [deploymentController(), replicaSetController(), replicationControllerController(), disruptionController];
