/**
 * The scheduling queue (upstream's PriorityQueue): an active heap (higher priority first,
 * then first in, first out), a backoff area for pods that failed recently, and the
 * unschedulable pods, which go back when a cluster event may help them or after
 * `maxUnschedulableMs` (upstream's podMaxInUnschedulablePodsDuration, 5 minutes). Time is a
 * parameter: tests drive a manual clock.
 */
import { systemClock, type Clock } from '../client/clock.ts';
import type { PodInfo } from './pod-info.ts';

export interface QueuedPod {
  info: PodInfo;
  /** When it first entered the queue: FIFO order among equal priorities. */
  timestamp: number;
  attempts: number;
  /** When it last became unschedulable. */
  unschedulableSince?: number;
}

export interface SchedulingQueueOptions {
  clock?: Clock;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxUnschedulableMs?: number;
}

export class SchedulingQueue {
  private readonly clock: Clock;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxUnschedulableMs: number;
  private heap: QueuedPod[] = [];
  private readonly active = new Map<string, QueuedPod>();
  private readonly backoff = new Map<string, { queued: QueuedPod; readyAt: number }>();
  private readonly unschedulable = new Map<string, QueuedPod>();
  /** Pods handed out and not yet done: an event during their attempt must not be lost. */
  private readonly inFlight = new Map<string, { eventSeen: boolean }>();
  private readonly waiters: ((q: QueuedPod | undefined) => void)[] = [];
  private closed = false;
  private seq = 0;

  constructor(options: SchedulingQueueOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.maxUnschedulableMs = options.maxUnschedulableMs ?? 5 * 60_000;
  }

  get length(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.unschedulable.size };
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key);
  }

  /** A new pending pod, or a newer version of one already queued. */
  add(info: PodInfo): void {
    if (this.closed) return;
    const existing = this.active.get(info.key) ?? this.backoff.get(info.key)?.queued ?? this.unschedulable.get(info.key);
    if (existing) {
      existing.info = info;
      // As upstream: an update may make an unschedulable pod schedulable; try again.
      if (this.unschedulable.delete(info.key) || this.backoff.delete(info.key)) this.pushActive(existing);
      else if (this.active.has(info.key)) this.reheap();
      return;
    }
    if (this.inFlight.has(info.key)) return; // being scheduled: the attempt reads the newest version
    this.pushActive({ info, timestamp: this.seq++, attempts: 0 });
  }

  delete(key: string): void {
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
  }

  /** The next pod to schedule; waits while the queue is empty; undefined once closed. */
  pop(): Promise<QueuedPod | undefined> {
    const next = this.tryPop();
    if (next || this.closed) return Promise.resolve(next);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  tryPop(): QueuedPod | undefined {
    while (this.heap.length > 0) {
      const top = heapPop(this.heap);
      if (this.active.get(top.info.key) !== top) continue; // deleted or moved since pushed
      this.active.delete(top.info.key);
      top.attempts++;
      this.inFlight.set(top.info.key, { eventSeen: false });
      return top;
    }
    return undefined;
  }

  /** The attempt succeeded (or the pod is gone): forget it. */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * The attempt found no node. As upstream: if a cluster event arrived meanwhile the pod
   * goes to backoff (it may fit now), otherwise it waits among the unschedulable pods.
   */
  addUnschedulable(queued: QueuedPod): void {
    const flight = this.inFlight.get(queued.info.key);
    this.inFlight.delete(queued.info.key);
    if (this.closed || this.has(queued.info.key)) return;
    if (flight?.eventSeen) this.toBackoff(queued);
    else {
      queued.unschedulableSince = this.clock.now();
      this.unschedulable.set(queued.info.key, queued);
    }
  }

  /** An error (not a misfit) ended the attempt: retry after the pod's backoff. */
  addBackoff(queued: QueuedPod): void {
    this.inFlight.delete(queued.info.key);
    if (!this.closed && !this.has(queued.info.key)) this.toBackoff(queued);
  }

  /** A node or an assigned pod changed: every unschedulable pod may fit now (upstream's MoveAllToActiveOrBackoffQueue). */
  moveAllToActiveOrBackoff(): void {
    for (const flight of this.inFlight.values()) flight.eventSeen = true;
    if (this.unschedulable.size === 0) return;
    const pods = [...this.unschedulable.values()];
    this.unschedulable.clear();
    for (const q of pods) this.toBackoff(q);
  }

  /** Periodic housekeeping: backoffs that ended go active; pods unschedulable for too long are retried. */
  flush(): void {
    const now = this.clock.now();
    for (const [key, { queued, readyAt }] of this.backoff) {
      if (readyAt <= now) {
        this.backoff.delete(key);
        this.pushActive(queued);
      }
    }
    for (const [key, queued] of this.unschedulable) {
      if (now - (queued.unschedulableSince ?? now) >= this.maxUnschedulableMs) {
        this.unschedulable.delete(key);
        this.toBackoff(queued);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** As upstream: 1 s doubling per attempt, capped at 10 s. */
  backoffMs(attempts: number): number {
    return Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  private toBackoff(queued: QueuedPod): void {
    const readyAt = this.clock.now() + this.backoffMs(queued.attempts);
    if (readyAt <= this.clock.now()) this.pushActive(queued);
    else this.backoff.set(queued.info.key, { queued, readyAt });
  }

  private pushActive(queued: QueuedPod): void {
    this.active.set(queued.info.key, queued);
    const waiter = this.waiters.shift();
    if (waiter) {
      this.active.delete(queued.info.key);
      queued.attempts++;
      this.inFlight.set(queued.info.key, { eventSeen: false });
      waiter(queued);
      return;
    }
    heapPush(this.heap, queued);
  }

  private reheap(): void {
    const entries = [...this.active.values()];
    this.heap = [];
    for (const e of entries) heapPush(this.heap, e);
  }
}

/** Upstream's PrioritySort: higher priority first, then earlier timestamp. */
function before(a: QueuedPod, b: QueuedPod): boolean {
  return a.info.priority !== b.info.priority ? a.info.priority > b.info.priority : a.timestamp < b.timestamp;
}

function heapPush(heap: QueuedPod[], item: QueuedPod): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function heapPop(heap: QueuedPod[]): QueuedPod {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
      if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
      if (best === i) break;
      [heap[i], heap[best]] = [heap[best]!, heap[i]!];
      i = best;
    }
  }
  return top;
}
