import type { SliceEndpoint } from '../endpoints/types.ts';

/**
 * What makes two slice endpoints the same endpoint (the EndpointSet's hashEndpoint): its
 * addresses, hostname and target object; conditions, node and zone are its state.
 */
export function endpointKey(endpoint: SliceEndpoint): string {
  return JSON.stringify([endpoint.addresses, endpoint.hostname ?? '', endpoint.targetRef?.namespace ?? '', endpoint.targetRef?.name ?? '']);
}

/** EndpointsEqualBeyondHash: the state fields match; a target's resourceVersion does not count. */
export function endpointStateEqual(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const state = (e: SliceEndpoint) =>
    JSON.stringify([
      e.nodeName ?? null,
      e.zone ?? null,
      e.conditions?.ready ?? null,
      e.conditions?.serving ?? null,
      e.conditions?.terminating ?? null,
      e.targetRef ? [e.targetRef.kind ?? '', e.targetRef.namespace ?? '', e.targetRef.name ?? '', e.targetRef.uid ?? ''] : null,
    ]);
  return state(a) === state(b);
}
