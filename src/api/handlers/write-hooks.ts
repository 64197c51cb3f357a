import type { KubeObject } from '../meta/object.ts';
import type { ApiDeps } from './deps.ts';
import type { UserInfo } from '../auth/authenticate.ts';

/**
 * Runs the write hooks of one resource, then those registered for every resource (`*`, e.g.
 * quota admission), in that order; returns one release function for them all. A hook that
 * throws releases what the earlier ones reserved.
 */
export function runWriteHooks(deps: ApiDeps, resource: string, input: { obj: KubeObject; old?: KubeObject; user?: UserInfo }): () => void {
  const releases: (() => void)[] = [];
  const releaseAll = () => {
    for (const r of releases.splice(0).reverse()) r();
  };
  try {
    for (const hook of [deps.writeHooks[resource], deps.writeHooks['*']]) {
      if (hook) releases.push(hook({ ...input, resource }));
    }
  } catch (err) {
    releaseAll();
    throw err;
  }
  return releaseAll;
}
