import { describe, expect, it } from 'vitest';
import { formatRfc3339Nano, TriggerTimeTracker } from './trigger-time.ts';
import { pod, service } from './test-builders.ts';

describe('TriggerTimeTracker', () => {
  it('answers the Service creation time for a Service seen for the first time', () => {
    expect(new TriggerTimeTracker().compute(service(), [pod('a')])?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('answers nothing when no pod changed since the last sync', () => {
    const tracker = new TriggerTimeTracker();
    tracker.compute(service(), [pod('a')]);
    expect(tracker.compute(service(), [pod('a')])).toBeUndefined();
  });

  it('answers the earliest Ready transition among the pods that changed', () => {
    const tracker = new TriggerTimeTracker();
    tracker.compute(service(), [pod('a'), pod('b')]);
    const got = tracker.compute(service(), [pod('a', { readySince: '2024-01-01T00:05:00Z' }), pod('b', { readySince: '2024-01-01T00:04:00Z' }), pod('c', { readySince: '2024-01-01T00:09:00Z' })]);
    expect(got?.toISOString()).toBe('2024-01-01T00:04:00.000Z');
  });

  it('starts over for a Service deleted and created again', () => {
    const tracker = new TriggerTimeTracker();
    tracker.compute(service(), []);
    tracker.deleteService('default', 'web');
    expect(tracker.compute(service(), [])).toBeDefined();
  });
});

describe('formatRfc3339Nano', () => {
  it('drops a zero fraction as Go does', () => expect(formatRfc3339Nano(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01T00:00:00Z'));
  it('drops trailing zeros of the fraction', () => expect(formatRfc3339Nano(new Date('2024-01-01T00:00:00.120Z'))).toBe('2024-01-01T00:00:00.12Z'));
});
