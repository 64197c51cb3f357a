/**
 * Runs async tasks one at a time in submission order: the store's single writer (kine with
 * one writer and none of its multi-writer conflict handling). Ordering the writes in-process
 * is what lets preconditions be checked against the in-memory index without a read.
 *
 * @example
 * const writer = new SerialQueue();
 * await Promise.all([writer.run(insertA), writer.run(insertB)]); // insertA finishes first
 */
export class SerialQueue {
  private readonly pending: Array<() => Promise<void>> = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push(() => task().then(resolve, reject));
      if (!this.running) void this.drain();
    });
  }

  /** Resolves once every task submitted so far has settled. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    let task: (() => Promise<void>) | undefined;
    while ((task = this.pending.shift())) await task();
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
