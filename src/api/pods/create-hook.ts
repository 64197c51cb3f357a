import type { WriteHook } from '../handlers/deps.ts';
import type { WatchCache } from '../storage/watch-cache.ts';
import { addDefaultTolerations } from './default-tolerations.ts';
import { resolvePodPriority } from './priority.ts';

/** The pod admission steps upstream runs on create only (Priority, DefaultTolerationSeconds). */
export function podCreateHook(cache: WatchCache): WriteHook {
  return ({ obj, old }) => {
    if (!old) {
      resolvePodPriority(obj, cache);
      addDefaultTolerations(obj);
    }
    return () => {};
  };
}
