import type { KubeObject } from '../client/index.ts';
import { containerComputeUsage } from './pod-usage.ts';
import { containerMustSpecify } from './tracked-resources.ts';

interface Container {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/**
 * Upstream's pod evaluator Constraints: when a quota tracks cpu or memory requests or limits,
 * every container and init container must set them. Answers upstream's message
 * (`must specify limits.cpu for: a,b; requests.cpu for: a`), or undefined when all are set.
 */
export function missingComputeSpecification(pod: KubeObject, tracked: Iterable<string>): string | undefined {
  const required = [...tracked].filter((n) => containerMustSpecify.has(n));
  if (required.length === 0) return undefined;
  const spec = pod.spec as { containers?: Container[]; initContainers?: Container[] } | undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    const has = containerComputeUsage(c);
    for (const name of required) {
      if (has.has(name)) continue;
      if (!missing.has(name)) missing.set(name, new Set());
      missing.get(name)!.add(c.name);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}
