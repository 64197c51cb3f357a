import type { Controller } from './framework/index.ts';
import { workloadsControllers } from './groups/workloads.ts';
import { setsAndBatchControllers } from './groups/sets-and-batch.ts';
import { clusterControllers } from './groups/cluster.ts';
import { networkControllers } from './groups/network.ts';
import { certificatesControllers } from './groups/certificates.ts';

/** Every controller the server runs (kube-controller-manager's default set, as Skiff has it). */
export function defaultControllers(): Controller[] {
  return [...clusterControllers, ...networkControllers, ...workloadsControllers, ...setsAndBatchControllers, ...certificatesControllers];
}
