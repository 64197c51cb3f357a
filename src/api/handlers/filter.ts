import type { KubeObject } from '../meta/object.ts';
import { errors } from '../errors.ts';
import { listPrefix, storagePrefixOf } from '../storage/keys.ts';
import type { CachedObject } from '../storage/watch-cache.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { parseLabelSelector } from '../selectors/label-selector.ts';
import { parseFieldSelector } from '../selectors/field-selector.ts';
import { strategyFor } from '../resources/strategies.ts';

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

export function buildFilter(req: ApiRequest): Filter {
  const info = req.resource;
  const namespace = info.namespaced ? req.info.namespace : '';
  const labelText = req.query.get('labelSelector') ?? '';
  const fieldText = req.query.get('fieldSelector') ?? '';
  let labels;
  let fields;
  try {
    labels = parseLabelSelector(labelText);
  } catch (err) {
    throw errors.badRequest(`unable to parse requirement: ${(err as Error).message}`);
  }
  try {
    fields = parseFieldSelector(fieldText);
  } catch (err) {
    throw errors.badRequest((err as Error).message);
  }
  const strategy = strategyFor(info);
  const supported = new Set(['metadata.name', 'metadata.namespace']);
  const sample = strategy.fieldLabels?.({ metadata: {} }) ?? {};
  for (const k of Object.keys(sample)) supported.add(k);
  for (const field of fields.fields()) {
    if (!supported.has(field)) throw errors.badRequest(`field label not supported: ${field}`);
  }
  const name = req.info.name; // watch of a single object (legacy /watch/ path or fieldSelector on name)
  const matches = (obj: KubeObject): boolean => {
    if (name && obj.metadata.name !== name) return false;
    if (!labels.empty() && !labels.matches(obj.metadata.labels ?? {})) return false;
    if (!fields.empty()) {
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
  const selective = !!name || !labels.empty() || !fields.empty();
  return {
    resourcePrefix,
    prefix,
    matches,
    selective,
    select: (deps) => deps.cache.list(resourcePrefix, prefix).filter((c) => matches(c.obj)),
  };
}
