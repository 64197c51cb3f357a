import type { ResourceInfo, ResourceStrategy } from './types.ts';
import { qualifiedName } from './registry.ts';

const NONE: ResourceStrategy = {};

/** The strategy of a resource: its own (custom resources carry theirs), else the built-in one, else none. */
export function strategyFor(builtins: Record<string, ResourceStrategy>, info: ResourceInfo): ResourceStrategy {
  return info.strategy ?? builtins[qualifiedName(info)] ?? NONE;
}
