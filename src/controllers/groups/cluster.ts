import type { Controller } from '../framework/index.ts';
import { garbageCollectorController } from '../garbage-collector.ts';
import { namespaceController } from '../namespace.ts';
import { nodeIpamController } from '../node-ipam.ts';
import { nodeLifecycleController } from '../node-lifecycle.ts';
import { taintEvictionController } from '../node-lifecycle/taint-eviction.ts';
import { podGcController } from '../pod-gc.ts';
import { resourceQuotaController } from '../resource-quota.ts';
import { rootCaPublisherController } from '../root-ca-publisher.ts';
import { serviceAccountController } from '../serviceaccount.ts';

/** The cluster controllers, in start order. */
export const clusterControllers: Controller[] = [
  namespaceController,
  garbageCollectorController,
  serviceAccountController,
  rootCaPublisherController,
  podGcController,
  nodeIpamController,
  nodeLifecycleController,
  taintEvictionController,
  resourceQuotaController,
];
