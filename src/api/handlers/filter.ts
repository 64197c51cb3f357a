import type { KubeObject } from '../meta/object.ts';
import { listPrefix, storagePrefixOf } from '../storage/keys.ts';
import type { CachedObject } from '../storage/watch-cache.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { parseLabelSelector } from '../selectors/label-selector.ts';
import { parseFieldSelector } from '../selectors/field-selector.ts';
import { strategyFor } from '../resources/strategies.ts';
import type { ResourceStrategy } from '../resources/types.ts';

/** The objects a list, watch or deletecollection is about: namespace, name and selectors. */
export interface Filter {
  /** Storage prefix of the whole resource (what the cache indexes by). */
  resourcePrefix: string;
  /** Prefix narrowed to the request's namespace. */
  prefix: string;
  matches(obj: KubeObject): boolean;
  /** Whether any selector narrows the result beyond the namespace. */
  selective: boolean;
  select(deps: ApiDeps): CachedObject[];
}

export function buildFilter(deps: ApiDeps, req: ApiRequest): Filter {
  const info = req.resource;
  const namespace = info.namespaced ? req.info.namespace : '';
  const labelText = req.query.get('labelSelector') ?? '';
  const fieldText = req.query.get('fieldSelector') ?? '';
  // Both parsers throw SelectorError, a 400 with upstream's message.
  const labels = parseLabelSelector(labelText);
  const fields = parseFieldSelector(fieldText);
  const strategy = strategyFor(deps.strategies, info);
  fields.validate(supportedFieldLabels(strategy));
  const name = req.info.name; // watch of a single object (legacy /watch/ path or fieldSelector on name)
  const matches = (obj: KubeObject): boolean => {
    if (name && obj.metadata.name !== name) return false;
    if (!labels.empty && !labels.matches(obj.metadata.labels ?? {})) return false;
    if (!fields.empty) {
      const values: Record<string, string> = {
        'metadata.name': obj.metadata.name ?? '',
        'metadata.namespace': obj.metadata.namespace ?? '',
        ...(strategy.fieldLabels?.(obj) ?? {}),
      };
      if (!fields.matches(values)) return false;
    }
    return true;
  };
  const resourcePrefix = storagePrefixOf(info);
  const prefix = listPrefix(info, namespace);
  const selective = !!name || !labels.empty || !fields.empty;
  return {
    resourcePrefix,
    prefix,
    matches,
    selective,
    select: (deps) => deps.cache.list(resourcePrefix, prefix).filter((c) => matches(c.obj)),
  };
}

/**
 * The field labels a resource supports: metadata.name and metadata.namespace for all, plus
 * those its strategy computes (read off a skeleton object, as the set is the same for every object).
 */
function supportedFieldLabels(strategy: ResourceStrategy): Set<string> {
  const supported = new Set(['metadata.name', 'metadata.namespace']);
  try {
    for (const k of Object.keys(strategy.fieldLabels?.({ metadata: {}, spec: {}, status: {} }) ?? {})) supported.add(k);
  } catch {
    // A strategy that cannot read a skeleton contributes nothing beyond the metadata labels.
  }
  return supported;
}
