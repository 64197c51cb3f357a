/**
 * Upstream's ControllerExpectations: after a sync creates or deletes pods, the next sync of
 * that owner waits until the informer has shown those changes (or five minutes have passed),
 * so a cache that lags the writes never makes the controller create a pod twice.
 */
const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  adds: number;
  deletes: Set<string>;
  at: number;
}

export class PodExpectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly nowMs: () => number) {}

  /** True when `key` may sync: nothing outstanding, or the expectation expired. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if ((e.adds <= 0 && e.deletes.size === 0) || this.nowMs() - e.at > EXPECTATIONS_TIMEOUT_MS) {
      this.byKey.delete(key);
      return true;
    }
    return false;
  }

  expect(key: string, adds: number, deleteUids: string[]): void {
    if (adds === 0 && deleteUids.length === 0) return;
    this.byKey.set(key, { adds, deletes: new Set(deleteUids), at: this.nowMs() });
  }

  /** A create failed or the pod was seen: one add fewer to wait for. */
  observedAdd(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.adds--;
  }

  observedDelete(key: string, uid: string): void {
    this.byKey.get(key)?.deletes.delete(uid);
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }
}
