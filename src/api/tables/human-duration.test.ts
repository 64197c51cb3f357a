import { describe, expect, it } from 'vitest';
import { ageSince, humanDuration } from './human-duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration() prints as apimachinery HumanDuration', () => {
  const cases: Array<[number, string]> = [
    [-2 * s, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 2 * s, '3m2s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [2 * y - d, '729d'],
    [2 * y, '2y'],
    [3 * y + 12 * d, '3y12d'],
    [8 * y + 100 * d, '8y'],
  ];
  for (const [ms, text] of cases) {
    it(`prints ${ms}ms as ${text}`, () => expect(humanDuration(ms)).toBe(text));
  }
});

describe('ageSince()', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  it('reads <unknown> for a missing timestamp', () => expect(ageSince(undefined, now)).toBe('<unknown>'));
  it('measures from the timestamp to now', () => expect(ageSince('2024-05-01T11:56:58Z', now)).toBe('3m2s'));
});
