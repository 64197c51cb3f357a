import type { Controller } from './framework/index.ts';
import { replicaSetController, replicationControllerKind } from './replicaset.ts';

/** The ReplicationController controller: upstream runs the ReplicaSet controller over core/v1 ReplicationControllers. */
export function replicationControllerController(): Controller {
  return replicaSetController(replicationControllerKind);
}
