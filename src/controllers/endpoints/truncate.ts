import type { EndpointAddress, EndpointSubset } from './types.ts';

/** An Endpoints object holds at most this many addresses (the endpoints controller's maxCapacity). */
export const MAX_ENDPOINTS_CAPACITY = 1000;

/**
 * Cuts `subsets` down to MAX_ENDPOINTS_CAPACITY addresses, as upstream's truncateEndpoints:
 * ready addresses win over not-ready ones; each subset keeps its share (rounded up) of what
 * remains. Answers whether anything was cut (then the over-capacity annotation is set).
 */
export function truncateSubsets(subsets: EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const count = (s: EndpointSubset, ready: boolean) => (ready ? s.addresses : s.notReadyAddresses)?.length ?? 0;
  const totalReady = subsets.reduce((n, s) => n + count(s, true), 0);
  const totalNotReady = subsets.reduce((n, s) => n + count(s, false), 0);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return { subsets, truncated: false };
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const total = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  const out = subsets.map((subset) => {
    const toBeAdded = Math.min(Math.ceil((count(subset, truncateReady) / total) * max), canBeAdded);
    const next: EndpointSubset = { ...subset };
    if (truncateReady) {
      setAddresses(next, 'addresses', (subset.addresses ?? []).slice(0, toBeAdded));
      delete next.notReadyAddresses;
      canBeAdded -= next.addresses?.length ?? 0;
    } else {
      setAddresses(next, 'notReadyAddresses', (subset.notReadyAddresses ?? []).slice(0, toBeAdded));
      canBeAdded -= next.notReadyAddresses?.length ?? 0;
    }
    return next;
  });
  return { subsets: out, truncated: true };
}

/**
 * capacityAnnotationSetCorrectly: subsets over capacity always need a (truncating) write;
 * under capacity, the over-capacity annotation must be absent.
 */
export function capacityAnnotationSetCorrectly(annotations: Record<string, string> | undefined, subsets: EndpointSubset[] | undefined): boolean {
  const total = (subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  if (total > MAX_ENDPOINTS_CAPACITY) return false;
  return !(annotations && 'endpoints.kubernetes.io/over-capacity' in annotations);
}

function setAddresses(subset: EndpointSubset, field: 'addresses' | 'notReadyAddresses', addresses: EndpointAddress[]): void {
  if (addresses.length > 0) subset[field] = addresses;
  else delete subset[field];
}
