/**
 * A duration the way kubectl's AGE column prints it: about two significant figures,
 * as k8s.io/apimachinery/pkg/util/duration.HumanDuration (`5s`, `3m2s`, `10m`, `5h3m`, `2d3h`, `3y12d`).
 *
 * @example humanDuration(182_000) // "3m2s"
 */
export function humanDuration(milliseconds: number): string {
  // Go truncates toward zero; a clock skew of up to one second in the future still reads "0s".
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/**
 * The AGE of a timestamp relative to `now`, as the printers' translateTimestampSince:
 * `<unknown>` when the timestamp is missing (Go's zero time).
 */
export function ageSince(timestamp: unknown, now: Date): string {
  const at = parseTimestamp(timestamp);
  return at === undefined ? '<unknown>' : humanDuration(now.getTime() - at.getTime());
}

/** RFC 3339 text to a Date; undefined when absent or unparsable (treated as Go's zero time). */
export function parseTimestamp(timestamp: unknown): Date | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() <= 1) return undefined;
  return at;
}
