/**
 * Checks a CronJob schedule the way upstream does: robfig/cron's ParseStandard (five fields,
 * or a descriptor such as @hourly or @every 1h), returning its error text, or '' when valid.
 * Only the check lives here; computing run times is the CronJob controller's business.
 */

interface FieldBounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const fields: FieldBounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(months.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((d, i) => [d, i])) },
];

const descriptors = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function parseNumber(text: string, bounds: FieldBounds): number | string {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  return Number.parseInt(text, 10);
}

function checkRange(expression: string, bounds: FieldBounds): string {
  const slashParts = expression.split('/');
  if (slashParts.length > 2) return `too many slashes: ${expression}`;
  const [range = '', stepText] = slashParts;
  const hyphenParts = range.split('-');
  if (hyphenParts.length > 2) return `too many hyphens: ${expression}`;
  let start: number;
  let end: number;
  if (range === '*' || range === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const first = parseNumber(hyphenParts[0]!, bounds);
    if (typeof first === 'string') return first;
    start = first;
    end = first;
    if (hyphenParts.length === 2) {
      const last = parseNumber(hyphenParts[1]!, bounds);
      if (typeof last === 'string') return last;
      end = last;
    }
  }
  if (stepText !== undefined) {
    const step = parseNumber(stepText, { min: 0, max: 0 });
    if (typeof step === 'string') return step;
    if (step <= 0) return `step of range should be a positive number: ${expression}`;
    // As robfig/cron: `N/step` means N through the field's maximum.
    if (hyphenParts.length === 1 && range !== '*' && range !== '?') end = bounds.max;
  }
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expression}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expression}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expression}`;
  return '';
}

const durationUnit = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

export function scheduleError(schedule: string): string {
  let spec = schedule.trim();
  if (spec === '') return 'empty spec string';
  // robfig/cron accepts a leading TZ=/CRON_TZ=; the CronJob validation rejects it separately.
  const tz = /^(CRON_TZ|TZ)=(\S+)\s*/.exec(spec);
  if (tz) spec = spec.slice(tz[0].length);
  if (spec.startsWith('@')) {
    if (descriptors.has(spec)) return '';
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      return durationUnit.test(duration) ? '' : `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(duration)}`;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const parts = spec.split(/\s+/);
  if (parts.length !== 5) return `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const expression of parts[i]!.split(',')) {
      const error = checkRange(expression, fields[i]!);
      if (error) return error;
    }
  }
  return '';
}
