import { errors, StatusError } from '../errors.ts';
import type { ResourceInfo } from '../resources/types.ts';
import { KeyExistsError, KeyNotFoundError, RevisionConflictError } from '../../store/types.ts';

/** Translates the store's typed errors into the API's, naming the object as upstream does. */
export function storeErrorToStatus(err: unknown, info: ResourceInfo, name: string): unknown {
  if (err instanceof KeyExistsError) return errors.alreadyExists(info.resource, info.group, name);
  if (err instanceof KeyNotFoundError) return errors.notFound(info.resource, info.group, name);
  if (err instanceof RevisionConflictError) {
    return errors.conflict(info.resource, info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  if (err instanceof StatusError) return err;
  return err;
}
