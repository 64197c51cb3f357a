import { describe, expect, it } from 'vitest';
import { checkAcknowledgedWrites, isDurable, lostWrites, type DurabilityInput } from '../../bench/harness/acknowledged-writes.ts';
import { createsThroughKill9 } from '../../bench/harness/crash-during-creates.ts';

const ack = (name: string, uid: string, resourceVersion: number) => ({ name, uid, resourceVersion });

// The checker itself first: a crash test whose checker cannot see a loss proves nothing.
describe('checkAcknowledgedWrites', () => {
  const cases: { name: string; input: DurabilityInput; durable: boolean; lost: number }[] = [
    {
      name: 'accepts a listing that holds every acknowledged create plus an unacknowledged one',
      input: { acknowledged: [ack('a', 'u1', 5), ack('b', 'u2', 6)], stored: [ack('a', 'u1', 5), ack('b', 'u2', 6), ack('c', 'u3', 7)], resourceVersionAfterRestart: 8 },
      durable: true,
      lost: 0,
    },
    {
      name: 'reports an acknowledged create the listing lacks',
      input: { acknowledged: [ack('a', 'u1', 5), ack('b', 'u2', 6)], stored: [ack('a', 'u1', 5)], resourceVersionAfterRestart: 8 },
      durable: false,
      lost: 1,
    },
    {
      name: 'reports an acknowledged name that came back with another uid',
      input: { acknowledged: [ack('a', 'u1', 5)], stored: [ack('a', 'u9', 5)], resourceVersionAfterRestart: 8 },
      durable: false,
      lost: 1,
    },
    {
      name: 'reports a name listed twice',
      input: { acknowledged: [ack('a', 'u1', 5)], stored: [ack('a', 'u1', 5), ack('a', 'u2', 6)], resourceVersionAfterRestart: 8 },
      durable: false,
      lost: 0,
    },
    {
      name: 'reports a resourceVersion reused after the restart',
      input: { acknowledged: [ack('a', 'u1', 5), ack('b', 'u2', 6)], stored: [ack('a', 'u1', 5), ack('b', 'u2', 6)], resourceVersionAfterRestart: 6 },
      durable: false,
      lost: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const report = checkAcknowledgedWrites(c.input);
      expect(isDurable(report)).toBe(c.durable);
      expect(lostWrites(report)).toBe(c.lost);
    });
  }
});

describe('a kill -9 during creates', () => {
  it('keeps every acknowledged ConfigMap by name and uid, duplicates none, and keeps resourceVersion increasing', async () => {
    const { load, report } = await createsThroughKill9({ loadMs: 2000, concurrency: 16 });
    // Without acknowledged writes the test would pass vacuously.
    expect(load.acknowledged.length).toBeGreaterThan(50);
    expect(load.rejected, load.firstRejection).toBe(0);
    expect(report.missing).toEqual([]);
    expect(report.uidChanged).toEqual([]);
    expect(report.resourceVersionChanged).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.resourceVersionAfterRestart).toBeGreaterThan(report.maxAcknowledgedResourceVersion);
  });
});
