/** Which resource a client speaks to: enough to build every path of its REST API. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The plural resource name: `pods`, `deployments`. */
  resource: string;
  namespaced: boolean;
}

/**
 * The collection or object path as kube-apiserver routes it: `/api/v1/...` for the core group,
 * `/apis/GROUP/VERSION/...` otherwise. A namespaced resource without a namespace is the
 * all-namespaces collection, which only lists and watches accept.
 */
export function resourcePath(type: ResourceType, at: { namespace?: string; name?: string; subresource?: string } = {}): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  if (!type.namespaced && at.namespace) throw new Error(`${type.resource} are not namespaced, got namespace "${at.namespace}"`);
  if (type.namespaced && at.name !== undefined && !at.namespace) throw new Error(`${type.resource} are namespaced: a namespace is required for "${at.name}"`);
  let path = root;
  if (type.namespaced && at.namespace) path += `/namespaces/${encodeURIComponent(at.namespace)}`;
  path += `/${type.resource}`;
  if (at.name !== undefined) {
    if (at.name === '') throw new Error(`a ${type.resource} name is required`);
    path += `/${encodeURIComponent(at.name)}`;
    if (at.subresource) path += `/${at.subresource}`;
  }
  return path;
}
