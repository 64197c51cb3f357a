import { KeyNotFoundError, RevisionConflictError } from './types.ts';

/**
 * The live entry of `key` from a store's index of live keys, checked against the caller's
 * expected revision (update and delete preconditions, shared by every RevisionLog).
 */
export function requireLive<T extends { revision: number }>(live: ReadonlyMap<string, T>, key: string, expectedRevision: number | undefined): T {
  const current = live.get(key);
  if (!current) throw new KeyNotFoundError(key);
  if (expectedRevision !== undefined && expectedRevision !== current.revision) {
    throw new RevisionConflictError(key, expectedRevision, current.revision);
  }
  return current;
}
