import type { Micros } from './clock';
import { goQuote } from './goText';

/**
 * Workspace autostart schedules: coderd/schedule/cron Weekly, which checks
 * the shape of the spec and then parses it with robfig/cron v3 (minute, hour,
 * day of month, month, day of week; an optional `CRON_TZ=<zone>` prefix), and
 * the next time such a schedule fires. Error texts are Coder's and robfig's.
 */

/** A parsed weekly schedule; days of month and months are always `*`. */
export interface WeeklySchedule {
  /** IANA zone the hours are read in; `UTC` without a prefix. */
  location: string;
  minutes: number[];
  hours: number[];
  /** 0 = Sunday. */
  weekdays: number[];
}

type Parsed =
  { ok: true; schedule: WeeklySchedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = Object.fromEntries(
  [
    'jan',
    'feb',
    'mar',
    'apr',
    'may',
    'jun',
    'jul',
    'aug',
    'sep',
    'oct',
    'nov',
    'dec',
  ].map((name, index) => [name, index + 1]),
);
const DAY_NAMES = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, index) => [
    name,
    index,
  ]),
);
/** second, minute, hour, day of month, month, day of week. */
const FIELD_BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 6, names: DAY_NAMES },
];

const fields = (text: string) => text.split(/\s+/).filter(Boolean);

/** strconv.Atoi, as robfig's mustParseInt wraps it. */
function parseCronInt(text: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    return `failed to parse int from ${text}: strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`;
  }
  const value = BigInt(text);
  if (value >= 2n ** 63n || value < -(2n ** 63n)) {
    return `failed to parse int from ${text}: strconv.Atoi: parsing ${goQuote(text)}: value out of range`;
  }
  if (value < 0n) return `negative number (${value}) not allowed: ${text}`;
  return Number(value);
}

function parseIntOrName(text: string, bounds: Bounds): number | string {
  const named = bounds.names?.[text.toLowerCase()];
  return named ?? parseCronInt(text);
}

/** robfig getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function parseRange(expression: string, bounds: Bounds): number[] | string {
  const rangeAndStep = expression.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = parseIntOrName(lowAndHigh[0], bounds);
    if (typeof low === 'string') return low;
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1], bounds);
      if (typeof high === 'string') return high;
      end = high;
    } else if (lowAndHigh.length > 2) {
      return `too many hyphens: ${expression}`;
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseCronInt(rangeAndStep[1]);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    // "n/step" means "n-max/step".
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expression}`;
  }
  if (start < bounds.min)
    return `beginning of range (${start}) below minimum (${bounds.min}): ${expression}`;
  if (end > bounds.max)
    return `end of range (${end}) above maximum (${bounds.max}): ${expression}`;
  if (start > end)
    return `beginning of range (${start}) beyond end of range (${end}): ${expression}`;
  if (step === 0)
    return `step of range should be a positive number: ${expression}`;
  const values: number[] = [];
  for (let value = start; value <= end; value += step) values.push(value);
  return values;
}

/** robfig getField: comma-separated ranges; empty pieces are dropped. */
function parseField(text: string, bounds: Bounds): number[] | string {
  const values = new Set<number>();
  for (const expression of text.split(',').filter(Boolean)) {
    const range = parseRange(expression, bounds);
    if (typeof range === 'string') return range;
    range.forEach(value => values.add(value));
  }
  return [...values].sort((left, right) => left - right);
}

/** Go's time.LoadLocation, answered by the ICU zone data Node ships. */
function locationProblem(name: string): string | undefined {
  if (name === '' || name === 'UTC') return undefined;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\'))
    return 'time: invalid location name';
  try {
    // Throws a RangeError for a zone ICU does not know.
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
    }).resolvedOptions().timeZone
      ? undefined
      : `unknown time zone ${name}`;
  } catch {
    return `unknown time zone ${name}`;
  }
}

/** robfig Parser.Parse with Minute | Hour | Dom | Month | Dow. */
function parseSpec(raw: string): Parsed {
  let spec = raw;
  const space = spec.indexOf(' ');
  const name = spec.slice(spec.indexOf('=') + 1, space);
  if (name === 'Local') {
    // Coder refuses schedules in the server's own zone after parsing.
    return {
      ok: false,
      error: 'schedules scoped to time.Local are not supported',
    };
  }
  const problem = locationProblem(name);
  if (problem) {
    return {
      ok: false,
      error: `parse schedule: provided bad location ${name}: ${problem}`,
    };
  }
  const location = name || 'UTC';
  spec = spec.slice(space).trim();
  if (spec.startsWith('@')) {
    return {
      ok: false,
      error: `parse schedule: parser does not accept descriptors: ${spec}`,
    };
  }
  const parts = fields(spec);
  if (parts.length !== 5) {
    return {
      ok: false,
      error: `parse schedule: expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`,
    };
  }
  const parsed: number[][] = [];
  for (const [index, text] of ['0', ...parts].entries()) {
    const values = parseField(text, FIELD_BOUNDS[index]);
    if (typeof values === 'string')
      return { ok: false, error: `parse schedule: ${values}` };
    parsed.push(values);
  }
  return {
    ok: true,
    schedule: {
      location,
      minutes: parsed[1],
      hours: parsed[2],
      weekdays: parsed[5],
    },
  };
}

/** cron.Weekly: five fields (six with `CRON_TZ=`), day of month and month `*`. */
export function parseWeeklySchedule(spec: string): Parsed {
  let parts = fields(spec);
  if (parts.length < 5) {
    return {
      ok: false,
      error:
        'validate weekly schedule: expected schedule to consist of 5 fields with an optional CRON_TZ=<timezone> prefix',
    };
  }
  // Coder drops the first of six fields whatever it is.
  if (parts.length === 6) parts = parts.slice(1);
  if (parts[2] !== '*' || parts[3] !== '*') {
    return {
      ok: false,
      error:
        'validate weekly schedule: expected day-of-month and month to be *',
    };
  }
  return parseSpec(spec.startsWith('CRON_TZ=') ? spec : `CRON_TZ=UTC ${spec}`);
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function zoneOffset(location: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: location,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(epochMs);
  const part = (type: string) =>
    Number(parts.find(entry => entry.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock time in the zone stands for. */
function fromWallClock(location: string, wallAsUtcMs: number): number {
  const first = wallAsUtcMs - zoneOffset(location, wallAsUtcMs);
  return wallAsUtcMs - zoneOffset(location, first);
}

/** The first time strictly after `after` the schedule fires (whole minutes). */
export function nextScheduled(schedule: WeeklySchedule, after: Micros): Micros {
  const afterMs = Math.floor(after / 1000);
  const today = new Date(afterMs + zoneOffset(schedule.location, afterMs));
  // A weekly schedule fires within eight days, or never.
  for (let dayOffset = 0; dayOffset <= 8; dayOffset++) {
    const day = new Date(
      Date.UTC(
        today.getUTCFullYear(),
        today.getUTCMonth(),
        today.getUTCDate() + dayOffset,
      ),
    );
    if (!schedule.weekdays.includes(day.getUTCDay())) continue;
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        const wall = day.getTime() + (hour * 60 + minute) * 60_000;
        const instant = fromWallClock(schedule.location, wall);
        if (instant > afterMs) return instant * 1000;
      }
    }
  }
  return 0;
}
