import { describe, expect, it } from 'vitest';
import { ManualClock } from '../client/manual-clock.ts';
import { SchedulingQueue } from './scheduling-queue.ts';
import { podInfo } from './test-builders.ts';

const keys = (q: SchedulingQueue) => {
  const out: string[] = [];
  for (let p; (p = q.tryPop()); ) out.push(p.info.pod.metadata.name!);
  return out;
};

describe('SchedulingQueue', () => {
  it('hands out higher priority first, then in arrival order', () => {
    const q = new SchedulingQueue({ clock: new ManualClock() });
    q.add(podInfo('low-1', { priority: 0 }));
    q.add(podInfo('high', { priority: 100 }));
    q.add(podInfo('low-2', { priority: 0 }));
    q.add(podInfo('mid', { priority: 50 }));
    expect(keys(q)).toEqual(['high', 'mid', 'low-1', 'low-2']);
  });

  it('keeps an unschedulable pod until a cluster event, then retries it after its backoff', () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue({ clock });
    q.add(podInfo('p'));
    const attempt = q.tryPop()!;
    q.addUnschedulable(attempt);
    expect(q.tryPop()).toBeUndefined();
    q.moveAllToActiveOrBackoff();
    q.flush();
    expect(q.tryPop()).toBeUndefined();
    clock.advance(1_000);
    q.flush();
    expect(q.tryPop()?.info.key).toBe('default/p');
  });

  it('sends a pod to backoff when an event arrived during its attempt', () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue({ clock });
    q.add(podInfo('p'));
    const attempt = q.tryPop()!;
    q.moveAllToActiveOrBackoff();
    q.addUnschedulable(attempt);
    expect(q.length).toEqual({ active: 0, backoff: 1, unschedulable: 0 });
  });

  it('retries unschedulable pods after five minutes without events', () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue({ clock });
    q.add(podInfo('p'));
    q.addUnschedulable(q.tryPop()!);
    clock.advance(5 * 60_000);
    q.flush();
    clock.advance(1_000);
    q.flush();
    expect(keys(q)).toEqual(['p']);
  });

  it('doubles the backoff per attempt up to ten seconds', () => {
    const q = new SchedulingQueue({ clock: new ManualClock() });
    expect([1, 2, 3, 4, 5, 6].map((a) => q.backoffMs(a))).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('forgets a deleted pod', () => {
    const q = new SchedulingQueue({ clock: new ManualClock() });
    q.add(podInfo('a'));
    q.add(podInfo('b'));
    q.delete('default/a');
    expect(keys(q)).toEqual(['b']);
  });
});
