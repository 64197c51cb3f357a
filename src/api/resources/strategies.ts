import type { ResourceInfo, ResourceStrategy } from './types.ts';
import { qualifiedName } from './registry.ts';
import { builtinStrategies } from '../admission/index.ts';

const NONE: ResourceStrategy = {};

/** The strategy of a resource: its own (custom resources carry theirs), else the built-in one, else none. */
export function strategyFor(info: ResourceInfo): ResourceStrategy {
  return info.strategy ?? builtinStrategies[qualifiedName(info)] ?? NONE;
}
