import type { EndpointSlice, SliceEndpoint } from '../endpoints/types.ts';
import { endpointKey, endpointStateEqual } from './endpoint-identity.ts';

export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

export interface PortMappingInput {
  /** The existing slices carrying this port set. Not changed: copies are returned. */
  existing: EndpointSlice[];
  /** The endpoints wanted, in the order they are placed. */
  desired: SliceEndpoint[];
  maxEndpointsPerSlice: number;
  /** A new, empty slice for this port set (generateName, labels, owner, ports). */
  newSlice: () => EndpointSlice;
  /** The metadata an existing slice should have, or undefined when it already has it. */
  refreshMetadata: (slice: EndpointSlice) => EndpointSlice['metadata'] | undefined;
}

/**
 * The minimal-churn placement of the EndpointSlice reconciler's reconcileByPortMapping:
 * 1. in each existing slice, keep the endpoints still wanted (updated in place when their
 *    state changed), drop the others; a slice left empty is deleted, a changed one updated;
 * 2. fill the slices already being updated, fullest first, with the endpoints left over;
 * 3. put what remains into the unchanged slice that it fills most closely (when fewer than a
 *    slice's worth remain), else into new slices.
 * So a pod turning ready rewrites one slice, and a new pod never reshuffles the others.
 */
export function reconcileByPortMapping(input: PortMappingInput): SliceChanges {
  const max = input.maxEndpointsPerSlice;
  const remaining = new Map<string, SliceEndpoint>();
  for (const endpoint of input.desired) remaining.set(endpointKey(endpoint), endpoint);
  const toUpdate = new Map<string, EndpointSlice>();
  const unchanged = new Map<string, EndpointSlice>();
  const toDelete: EndpointSlice[] = [];

  for (const slice of input.existing) {
    const kept: SliceEndpoint[] = [];
    let endpointChanged = false;
    for (const endpoint of slice.endpoints ?? []) {
      const key = endpointKey(endpoint);
      const wanted = remaining.get(key);
      if (!wanted) continue;
      kept.push(wanted);
      if (!endpointStateEqual(wanted, endpoint)) endpointChanged = true;
      remaining.delete(key);
    }
    const metadata = input.refreshMetadata(slice);
    if (endpointChanged || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(slice);
      else toUpdate.set(slice.metadata.name!, { ...structuredClone(slice), metadata: metadata ?? structuredClone(slice.metadata), endpoints: kept });
    } else if (metadata) {
      toUpdate.set(slice.metadata.name!, { ...structuredClone(slice), metadata });
    } else {
      unchanged.set(slice.metadata.name!, slice);
    }
  }

  const pending = [...remaining.values()];
  if (pending.length > 0 && toUpdate.size > 0) {
    const fullestFirst = [...toUpdate.values()].sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const slice of fullestFirst) {
      while (pending.length > 0 && slice.endpoints!.length < max) slice.endpoints!.push(pending.shift()!);
    }
  }

  const toCreate: EndpointSlice[] = [];
  while (pending.length > 0) {
    let slice: EndpointSlice | undefined;
    if (pending.length < max && unchanged.size > 0) {
      const closest = closestFit([...unchanged.values()], pending.length, max);
      if (closest) {
        slice = structuredClone(closest);
        unchanged.delete(closest.metadata.name!);
        toUpdate.set(closest.metadata.name!, slice);
      }
    }
    if (!slice) {
      slice = input.newSlice();
      toCreate.push(slice);
    }
    slice.endpoints ??= [];
    while (pending.length > 0 && slice.endpoints.length < max) slice.endpoints.push(pending.shift()!);
  }
  return { create: toCreate, update: [...toUpdate.values()], delete: toDelete };
}

/** getSliceToFill: the slice that `count` more endpoints fill most completely without overflowing. */
function closestFit(slices: EndpointSlice[], count: number, max: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let bestGap = max;
  for (const slice of slices) {
    const gap = max - (count + (slice.endpoints?.length ?? 0));
    if (gap >= 0 && gap < bestGap) {
      best = slice;
      bestGap = gap;
      if (gap === 0) break;
    }
  }
  return best;
}
