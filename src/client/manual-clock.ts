import type { Clock } from './clock.ts';

interface PendingTimer {
  due: number;
  order: number;
  fire: () => void;
}

/**
 * A clock that moves only when told to, for tests of anything that takes a `Clock` (as
 * CoreDNS's cache takes `now`). `advance` fires due timers in due order, including timers
 * armed by those timers while still inside the advanced span.
 *
 * @example
 * const clock = new ManualClock();
 * const queue = new WorkQueue({ clock });
 * queue.addAfter('default/web', 100);
 * clock.advance(100); // the key is now queued
 */
export class ManualClock implements Clock {
  private current = 0;
  private sequence = 0;
  private timers = new Set<PendingTimer>();

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fire: () => void): () => void {
    const timer = { due: this.current + Math.max(0, ms), order: this.sequence++, fire };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.due);
      next.fire();
    }
    this.current = target;
  }

  /** How many timers are armed: lets a test wait until the code under test is sleeping. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** The delay until the next timer fires, or undefined when none is armed. */
  nextTimerIn(): number | undefined {
    const next = this.earliest();
    return next ? next.due - this.current : undefined;
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.timers) if (!best || t.due < best.due || (t.due === best.due && t.order < best.order)) best = t;
    return best;
  }
}
