import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';

describe('Backoff', () => {
  const cases: { name: string; random: number; attempts: number; expected: number }[] = [
    { name: 'the first delay is the initial one at the middle of the jitter', random: 0.5, attempts: 1, expected: 200 },
    { name: 'the lowest jitter halves the delay', random: 0, attempts: 1, expected: 100 },
    { name: 'the highest jitter adds half again', random: 0.999, attempts: 3, expected: 800 * 1.499 },
    { name: 'the delay never exceeds the cap, even jittered up', random: 0.999, attempts: 20, expected: 30_000 },
    { name: 'a capped delay is still spread downwards', random: 0, attempts: 20, expected: 15_000 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const backoff = new Backoff({ initialMs: 200, maxMs: 30_000, random: () => c.random });
      let delay = 0;
      for (let i = 0; i < c.attempts; i++) delay = backoff.next();
      expect(delay).toBeCloseTo(c.expected, 6);
    });
  }

  it('starts over after reset', () => {
    const backoff = new Backoff({ initialMs: 200, maxMs: 30_000, random: () => 0.5 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(200);
  });
});
