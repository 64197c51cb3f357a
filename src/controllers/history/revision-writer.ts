import { isAlreadyExists, type ResourceClient } from '../../client/index.ts';
import { equalRevision, type ControllerRevision } from './controller-revision.ts';

export class RevisionCollisionError extends Error {
  constructor(name: string) {
    super(`a ControllerRevision named ${name} already exists with different data`);
    this.name = 'RevisionCollisionError';
  }
}

/**
 * Creates a revision as upstream's realHistory.CreateControllerRevision: an existing revision of
 * that name with equal data is the same revision (a restart mid-sync made it already); one with
 * different data is a hash collision, for which the caller bumps its `collisionCount`.
 */
export async function createRevision(client: ResourceClient<ControllerRevision>, revision: ControllerRevision): Promise<ControllerRevision> {
  try {
    return await client.create(revision);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const existing = await client.get({ namespace: revision.metadata.namespace, name: revision.metadata.name! });
    if (equalRevision(existing, revision)) return existing;
    throw new RevisionCollisionError(revision.metadata.name!);
  }
}
