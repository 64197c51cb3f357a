import { prefixOf } from '../storage/keys.ts';
import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { WatchCache } from '../storage/watch-cache.ts';
import type { WriteHook } from '../handlers/deps.ts';
import { ServiceAllocator, allocationStateOf } from './allocator.ts';

/**
 * The Service write hook: allocates cluster IPs and node ports just before the write, as
 * upstream's service REST storage, and releases the reservation once the write is done.
 */
export function serviceAllocationHook(opts: { allocator: ServiceAllocator; cache: WatchCache }): WriteHook {
  return ({ obj, old }) => {
    const services = opts.cache.list(prefixOf('services')).map((c) => c.obj).filter((s) => !old || s.metadata.uid !== old.metadata.uid);
    const { causes, release } = opts.allocator.allocate(
      (obj.spec ?? (obj.spec = {})) as Parameters<ServiceAllocator['allocate']>[0],
      old?.spec as Parameters<ServiceAllocator['allocate']>[1],
      allocationStateOf(services),
    );
    if (causes.length > 0) {
      release();
      throw errors.invalid('Service', '', obj.metadata.name ?? '', causes);
    }
    return release;
  };
}
