import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from './value-kinds.ts';

describe('parseDurationMs', () => {
  it.each([
    { text: '40s', ms: 40_000 },
    { text: '5m', ms: 300_000 },
    { text: '1h30m', ms: 5_400_000 },
    { text: '1.5s', ms: 1500 },
    { text: '300ms', ms: 300 },
    { text: '2m3s', ms: 123_000 },
    { text: '0', ms: 0 },
    { text: '+10s', ms: 10_000 },
  ])('reads $text as $ms ms, as Go time.ParseDuration', ({ text, ms }) => expect(parseDurationMs(text)).toBe(ms));
  it.each(['', '40', '5x', '-5s', 's', '1h-3m', '.s'])('refuses %j with the expected form', (text) => {
    expect(() => parseDurationMs(text)).toThrow(/expected a duration such as 40s/);
  });
});

describe('formatDurationMs', () => {
  it.each([
    { ms: 40_000, text: '40s' },
    { ms: 300_000, text: '5m0s' },
    { ms: 5_400_000, text: '1h30m0s' },
    { ms: 0, text: '0s' },
  ])('prints $ms ms as $text, as Go Duration.String', ({ ms, text }) => expect(formatDurationMs(ms)).toBe(text));
});
