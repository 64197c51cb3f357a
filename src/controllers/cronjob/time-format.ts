const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The UTC offset (minutes east) of `timeZone` at `date`; the local zone when undefined. */
export function zoneOffsetMinutes(date: Date, timeZone: string | undefined): number {
  if (!timeZone) return -date.getTimezoneOffset();
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Go's time.RFC3339 of `date` shown in `timeZone` ("2026-01-01T09:00:00+09:00", or "Z" in UTC). */
export function rfc3339In(date: Date, timeZone: string | undefined): string {
  const offset = zoneOffsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000);
  const base = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return offset === 0 ? `${base}Z` : `${base}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** metav1.Time's wire form: RFC 3339 in UTC, whole seconds. */
export function metaTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z of `date` in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"), as upstream's MissSchedule event prints it. */
export function rfc1123zUtc(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
