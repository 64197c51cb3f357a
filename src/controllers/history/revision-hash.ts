/**
 * Names of ControllerRevisions and the `controller-revision-hash` label, as upstream's
 * controller/history.HashControllerRevision (see framework/object-hash.ts).
 */
import { computeHash } from '../framework/object-hash.ts';

/** The hash of a revision's data; a non-zero `collisionCount` perturbs it after a name collision. */
export function hashRevision(data: unknown, collisionCount?: number): string {
  return computeHash(data, collisionCount || undefined);
}
