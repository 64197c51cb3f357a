import type { CronSchedule } from './cron-schedule.ts';

export interface MissedSchedules {
  /** The latest activation in (earliest, now], if any. */
  mostRecent?: Date;
  /** How many activations fell in (earliest, now] (an estimate past `walkLimit`). */
  missed: number;
}

/**
 * Upstream's mostRecentScheduleTime: the activations after `earliest` up to `now`. They are
 * walked one by one up to `walkLimit`; past that (a frequent schedule stopped for a long time)
 * the rest is extrapolated from the gap between the last two, as upstream estimates the
 * count, so a CronJob that has been suspended for a year costs little.
 */
export function missedSchedules(schedule: CronSchedule, earliest: Date, now: Date, walkLimit = 2_000): MissedSchedules {
  let mostRecent: Date | undefined;
  let previous: Date | undefined;
  let missed = 0;
  for (let t = schedule.next(earliest); t && t <= now; t = schedule.next(t)) {
    previous = mostRecent;
    mostRecent = t;
    missed++;
    if (missed >= walkLimit && previous) {
      const interval = mostRecent.getTime() - previous.getTime();
      if (interval <= 0) break;
      const more = Math.floor((now.getTime() - mostRecent.getTime()) / interval);
      let estimate = new Date(mostRecent.getTime() + more * interval);
      // Settle on a real activation at or before now.
      for (let u = schedule.next(new Date(estimate.getTime() - 1)); u && u <= now; u = schedule.next(u)) estimate = u;
      return { mostRecent: estimate, missed: missed + more };
    }
  }
  return { mostRecent, missed };
}

/** The Job name for an activation: `<cronjob>-<minutes since the epoch>` (upstream's getJobName), so one activation makes one Job even across restarts. */
export function jobNameFor(cronJobName: string, scheduled: Date): string {
  return `${cronJobName}-${Math.floor(scheduled.getTime() / 60_000)}`;
}
