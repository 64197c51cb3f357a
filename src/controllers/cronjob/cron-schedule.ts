import { Cron } from 'croner';
import { parseGoDuration } from './go-duration.ts';

/** A parsed CronJob schedule: the first activation strictly after a time. */
export interface CronSchedule {
  next(after: Date): Date | undefined;
}

/** robfig/cron's descriptors, as Kubernetes' standard parser accepts them. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export class ScheduleError extends Error {}

/** Throws ScheduleError unless `timeZone` names an IANA zone this runtime knows. */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ScheduleError(`unknown time zone ${timeZone}`);
  }
}

/**
 * Parses a schedule as Kubernetes does (robfig/cron's ParseStandard): five fields, the
 * @-descriptors, `@every <duration>`, and a leading `CRON_TZ=` or `TZ=` zone. Times are read in
 * `timeZone` (spec.timeZone), else the schedule's zone, else the controller's local zone.
 *
 * croner computes the activations; two daylight-saving differences from robfig/cron are
 * corrected here, because robfig reads the wall clock literally: a time inside a spring-forward
 * gap does not exist and is skipped (croner would run it at the end of the gap), and a time
 * repeated at fall-back runs at both of its occurrences (croner runs fixed times once).
 */
export function parseCronSchedule(schedule: string, timeZone?: string): CronSchedule {
  let spec = schedule.trim();
  const tzPrefix = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(spec);
  if (tzPrefix) {
    timeZone ??= tzPrefix[1];
    spec = spec.slice(tzPrefix[0].length);
  }
  if (timeZone) checkTimeZone(timeZone);
  if (spec.startsWith('@every ')) return everySchedule(spec.slice(7));
  const fields = DESCRIPTORS[spec] ?? spec;
  if (fields.startsWith('@')) throw new ScheduleError(`unrecognized descriptor: ${spec}`);
  if (fields.split(/\s+/).length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.split(/\s+/).length}: ${spec}`);
  let cron: Cron;
  try {
    cron = new Cron(fields, { timezone: timeZone, mode: '5-part', paused: true });
  } catch (error) {
    throw new ScheduleError((error as Error).message);
  }
  return {
    next(after) {
      let candidate = cron.nextRun(after) ?? undefined;
      // Spring-forward: croner moves a time in the gap to the gap's end, where the pattern does not match.
      for (let i = 0; candidate && !cron.match(candidate) && i < 1000; i++) candidate = cron.nextRun(candidate) ?? undefined;
      // Fall-back: the second occurrence of the latest activation at or before `after`.
      const previous = cron.previousRuns(1, new Date(after.getTime() + 1))[0];
      const repeat = previous && repeatedOccurrence(previous, timeZone);
      if (repeat && repeat > after && (!candidate || repeat < candidate)) return repeat;
      return candidate;
    },
  };
}

function everySchedule(text: string): CronSchedule {
  const ms = parseGoDuration(text);
  if (ms === undefined || ms <= 0) throw new ScheduleError(`failed to parse duration @every ${text}`);
  // robfig's ConstantDelaySchedule: whole seconds, at least one; from `after` truncated to the second.
  const delay = Math.max(1000, Math.floor(ms / 1000) * 1000);
  return { next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + delay) };
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(date: Date, timeZone: string | undefined): string {
  const key = timeZone ?? '';
  let f = wallClocks.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallClocks.set(key, f);
  }
  return f.format(date);
}

/** The later instant showing the same wall-clock minute as `date` (a fall-back repeat), if any. */
function repeatedOccurrence(date: Date, timeZone: string | undefined): Date | undefined {
  const wall = wallClock(date, timeZone);
  for (const minutes of [60, 30, 120]) {
    const later = new Date(date.getTime() + minutes * 60_000);
    if (wallClock(later, timeZone) === wall) return later;
  }
  return undefined;
}
