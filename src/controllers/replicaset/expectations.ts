import type { Clock } from '../../client/index.ts';

/** As upstream's ExpectationsTimeout: expectations older than this are considered satisfied (a lost watch event must not wedge a controller). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Record {
  adds: number;
  /** Keys of pods whose deletion we asked for and have not yet seen go (UIDTrackingControllerExpectations). */
  deletes: Set<string>;
  at: number;
}

/**
 * The creations and deletions a controller is waiting to see in its informer cache (upstream's
 * ControllerExpectations): while any are outstanding the controller does not act on the owner
 * again, so a stale cache never makes it create or delete twice. After a restart nothing is
 * expected and the controller acts from the cache it lists, which is level-triggered.
 */
export class Expectations {
  private readonly records = new Map<string, Record>();

  constructor(private readonly clock: Clock) {}

  /** True when nothing is outstanding for `key`, or what is has waited too long. */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.adds <= 0 && r.deletes.size === 0) return true;
    return this.clock.now() - r.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expect(key: string, opts: { adds?: number; deletes?: string[] }): void {
    this.records.set(key, { adds: opts.adds ?? 0, deletes: new Set(opts.deletes ?? []), at: this.clock.now() });
  }

  /** A create we expected was observed, or will never happen (it failed or was skipped). */
  creationObserved(key: string, count = 1): void {
    const r = this.records.get(key);
    if (r) r.adds -= count;
  }

  /** The deletion of `podKey` was observed (or failed and will not be observed). */
  deletionObserved(key: string, podKey: string): void {
    this.records.get(key)?.deletes.delete(podKey);
  }

  forget(key: string): void {
    this.records.delete(key);
  }
}
