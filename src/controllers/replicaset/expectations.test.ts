import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../client/index.ts';
import { EXPECTATIONS_TIMEOUT_MS, Expectations } from './expectations.ts';

describe('Expectations', () => {
  it('is satisfied for a key it knows nothing about', () => {
    expect(new Expectations(new ManualClock()).satisfied('ns/web')).toBe(true);
  });

  it('waits until every expected creation is observed', () => {
    const e = new Expectations(new ManualClock());
    e.expect('ns/web', { adds: 2 });
    e.creationObserved('ns/web');
    expect(e.satisfied('ns/web')).toBe(false);
    e.creationObserved('ns/web');
    expect(e.satisfied('ns/web')).toBe(true);
  });

  it('counts a deletion once however often the same pod is seen going', () => {
    const e = new Expectations(new ManualClock());
    e.expect('ns/web', { deletes: ['ns/a', 'ns/b'] });
    e.deletionObserved('ns/web', 'ns/a');
    e.deletionObserved('ns/web', 'ns/a');
    expect(e.satisfied('ns/web')).toBe(false);
    e.deletionObserved('ns/web', 'ns/b');
    expect(e.satisfied('ns/web')).toBe(true);
  });

  it('gives up waiting after the expectations timeout', () => {
    const clock = new ManualClock();
    const e = new Expectations(clock);
    e.expect('ns/web', { adds: 1 });
    clock.advance(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfied('ns/web')).toBe(true);
  });
});
