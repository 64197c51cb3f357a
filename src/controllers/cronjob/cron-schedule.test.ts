import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from './cron-schedule.ts';
import { parseGoDuration } from './go-duration.ts';

describe('parseCronSchedule().next()', () => {
  it.each([
    ['runs every minute', '* * * * *', 'Etc/UTC', '2026-01-01T10:00:30Z', '2026-01-01T10:01:00Z'],
    ['is strictly after the given time', '* * * * *', 'Etc/UTC', '2026-01-01T10:01:00Z', '2026-01-01T10:02:00Z'],
    ['steps minutes', '*/15 * * * *', 'Etc/UTC', '2026-01-01T10:01:00Z', '2026-01-01T10:15:00Z'],
    ['reads the wall clock of spec.timeZone', '0 9 * * *', 'Asia/Tokyo', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'],
    ['ORs day-of-month and day-of-week when both are restricted', '0 0 13 * 5', 'Etc/UTC', '2026-01-10T00:00:00Z', '2026-01-13T00:00:00Z'],
    ['ANDs them when one is a star', '0 0 * * 5', 'Etc/UTC', '2026-01-10T00:00:00Z', '2026-01-16T00:00:00Z'],
    ['understands @hourly', '@hourly', 'Etc/UTC', '2026-01-01T10:20:00Z', '2026-01-01T11:00:00Z'],
    ['understands @weekly as Sunday midnight', '@weekly', 'Etc/UTC', '2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['takes the zone of a CRON_TZ prefix', 'CRON_TZ=Asia/Tokyo 0 9 * * *', undefined, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'],
    ['understands @every with a Go duration', '@every 1m30s', undefined, '2026-01-01T00:00:00.700Z', '2026-01-01T00:01:30Z'],
    // robfig/cron reads the wall clock literally: 02:30 does not exist on 8 March 2026 in New York.
    ['skips a time inside the spring-forward gap, as robfig/cron', '30 2 * * *', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T06:30:00Z'],
    ['runs a fixed time at its first fall-back occurrence', '30 1 * * *', 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z'],
    ['runs it again at the repeated occurrence, as robfig/cron', '30 1 * * *', 'America/New_York', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'],
    ['then the next day as usual', '30 1 * * *', 'America/New_York', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z'],
  ])('%s', (_name, schedule, zone, after, next) => {
    expect(parseCronSchedule(schedule, zone).next(new Date(after))?.toISOString()).toBe(new Date(next).toISOString());
  });

  it.each([
    ['six fields', '0 * * * * *'],
    ['an unknown descriptor', '@fortnightly'],
    ['an out-of-range minute', '61 * * * *'],
    ['a bad @every duration', '@every soon'],
  ])('rejects %s', (_name, schedule) => {
    expect(() => parseCronSchedule(schedule, 'Etc/UTC')).toThrow();
  });

  it('rejects an unknown time zone', () => {
    expect(() => parseCronSchedule('* * * * *', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('parseGoDuration()', () => {
  it.each([
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['0', 0],
    ['10', undefined],
    ['', undefined],
  ])('reads %j', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });
});
