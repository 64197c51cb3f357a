import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo } from '../resources/types.ts';

/** An object as one served version shows it: the cached form itself, unless the version converts. */
export function servedView(info: ResourceInfo, cached: { obj: KubeObject; json: string }): { obj: KubeObject; json: string } {
  if (!info.conversion) return cached;
  const obj = info.conversion.fromStorage(cached.obj);
  return { obj, json: JSON.stringify(obj) };
}

/** A written result (stored JSON or an object) as the served version shows it. */
export function servedResult(info: ResourceInfo, result: string | KubeObject): string | KubeObject {
  if (!info.conversion) return result;
  const obj = typeof result === 'string' ? (JSON.parse(result) as KubeObject) : result;
  return info.conversion.fromStorage(obj);
}
