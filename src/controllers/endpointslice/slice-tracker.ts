import type { EndpointSlice } from '../endpoints/types.ts';

const DELETION_EXPECTED = 'deleted';

/**
 * The slices this controller wrote and the versions it expects the cache to show
 * (k8s.io/endpointslice/util's EndpointSliceTracker). A cache older than our own writes
 * must not be reconciled from, or slices made with generateName would be made twice; and
 * events for our own writes need not requeue the Service.
 *
 * Upstream compares metadata.generation; Skiff's API does not bump generation on
 * EndpointSlices, so resourceVersions (the store's strictly increasing revision) stand in.
 */
export class SliceTracker {
  private readonly byService = new Map<string, Map<string, string>>();

  /** Records a slice as written by us (after create or update). */
  update(serviceKey: string, slice: EndpointSlice): void {
    this.versions(serviceKey).set(slice.metadata.uid!, slice.metadata.resourceVersion ?? '');
  }

  expectDeletion(serviceKey: string, slice: EndpointSlice): void {
    this.versions(serviceKey).set(slice.metadata.uid!, DELETION_EXPECTED);
  }

  /** Whether a cache event shows something other than our own last write (ShouldSync). */
  shouldSync(serviceKey: string, slice: EndpointSlice): boolean {
    const known = this.byService.get(serviceKey)?.get(slice.metadata.uid!);
    if (known === undefined) return true;
    if (known === DELETION_EXPECTED) return false;
    return isNewer(slice.metadata.resourceVersion ?? '', known);
  }

  /** A deleted slice: answers whether the deletion was a surprise (then the Service is synced). */
  handleDeletion(serviceKey: string, slice: EndpointSlice): boolean {
    const versions = this.byService.get(serviceKey);
    const known = versions?.get(slice.metadata.uid!);
    versions?.delete(slice.metadata.uid!);
    return known !== DELETION_EXPECTED;
  }

  /** Whether the cached `slices` lag behind our writes (StaleSlices). */
  stale(serviceKey: string, slices: EndpointSlice[]): boolean {
    const versions = this.byService.get(serviceKey);
    if (!versions) return false;
    const seen = new Set<string>();
    for (const slice of slices) {
      seen.add(slice.metadata.uid!);
      const known = versions.get(slice.metadata.uid!);
      if (known === DELETION_EXPECTED) return true;
      if (known !== undefined && isNewer(known, slice.metadata.resourceVersion ?? '')) return true;
    }
    for (const [uid, known] of versions) if (known !== DELETION_EXPECTED && !seen.has(uid)) return true;
    return false;
  }

  deleteService(serviceKey: string): void {
    this.byService.delete(serviceKey);
  }

  private versions(serviceKey: string): Map<string, string> {
    let versions = this.byService.get(serviceKey);
    if (!versions) this.byService.set(serviceKey, (versions = new Map()));
    return versions;
  }
}

function isNewer(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(a) > BigInt(b);
  return a !== b;
}
