import { goQuote } from './goText';
import { Micros, MICROS_PER_SECOND } from './clock';

/**
 * Parses a value with Go's time.RFC3339Nano layout and reproduces the text of
 * Go's *time.ParseError, which Coder copies into search-query validations
 * (`last_used_after`, `last_used_before`).
 */
export const RFC3339_NANO_LAYOUT = '2006-01-02T15:04:05.999999999Z07:00';
/** time.RFC3339: what time.Time's JSON decoder and the builds `since` name in errors. */
export const RFC3339_LAYOUT = '2006-01-02T15:04:05Z07:00';

type ParseOutcome = { ok: true; value: Micros } | { ok: false; error: string };

function cannotParse(
  value: string,
  remainder: string,
  element: string,
  layout: string,
): ParseOutcome {
  return {
    ok: false,
    error: `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(remainder)} as ${goQuote(element)}`,
  };
}

function outOfRange(value: string, what: string): ParseOutcome {
  return {
    ok: false,
    error: `parsing time ${goQuote(value)}: ${what} out of range`,
  };
}

const isDigit = (text: string, index: number) =>
  index < text.length && text[index] >= '0' && text[index] <= '9';

/** Go's getnum: one or two digits, exactly two when fixed. */
function takeNumber(
  text: string,
  fixed: boolean,
): [number, string] | undefined {
  if (!isDigit(text, 0)) return undefined;
  if (!isDigit(text, 1)) {
    if (fixed) return undefined;
    return [Number(text[0]), text.slice(1)];
  }
  return [Number(text.slice(0, 2)), text.slice(2)];
}

function daysIn(month: number, year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Both RFC 3339 layouts accept an optional fraction; `layout` only decides
 * which one the error texts name.
 */
export function parseRfc3339Nano(
  value: string,
  layout: string = RFC3339_NANO_LAYOUT,
): ParseOutcome {
  let rest = value;
  const literal = (expected: string): boolean => {
    if (!rest.startsWith(expected)) return false;
    rest = rest.slice(expected.length);
    return true;
  };

  if (rest.length < 4 || !/^[+-]?[0-9]+$/.test(rest.slice(0, 4))) {
    return cannotParse(value, rest, '2006', layout);
  }
  const year = Number(rest.slice(0, 4));
  rest = rest.slice(4);

  const fields: Array<{
    prefix: string;
    element: string;
    fixed: boolean;
    name: string;
    max: number;
    min: number;
  }> = [
    { prefix: '-', element: '01', fixed: true, name: 'month', min: 1, max: 12 },
    { prefix: '-', element: '02', fixed: true, name: 'day', min: 0, max: 31 },
    { prefix: 'T', element: '15', fixed: false, name: 'hour', min: 0, max: 23 },
    {
      prefix: ':',
      element: '04',
      fixed: true,
      name: 'minute',
      min: 0,
      max: 59,
    },
    {
      prefix: ':',
      element: '05',
      fixed: true,
      name: 'second',
      min: 0,
      max: 59,
    },
  ];
  const numbers: number[] = [];
  for (const field of fields) {
    if (!literal(field.prefix))
      return cannotParse(value, rest, field.prefix, layout);
    const taken = takeNumber(rest, field.fixed);
    if (!taken) return cannotParse(value, rest, field.element, layout);
    const [number, remainder] = taken;
    if (number < field.min || number > field.max)
      return outOfRange(value, field.name);
    numbers.push(number);
    rest = remainder;
  }
  const [month, day, hour, minute, second] = numbers;

  let fractionMicros = 0;
  if (
    rest.length >= 2 &&
    (rest[0] === '.' || rest[0] === ',') &&
    isDigit(rest, 1)
  ) {
    let end = 1;
    while (isDigit(rest, end)) end++;
    const digits = rest.slice(1, end);
    fractionMicros = Math.floor(
      Number(`0.${digits.slice(0, 9)}`) * MICROS_PER_SECOND,
    );
    rest = rest.slice(end);
  }

  let offsetSeconds = 0;
  if (rest.startsWith('Z')) {
    rest = rest.slice(1);
  } else {
    const zone = rest;
    if (
      zone.length < 6 ||
      zone[3] !== ':' ||
      (zone[0] !== '+' && zone[0] !== '-') ||
      !/^[0-9]{2}$/.test(zone.slice(1, 3)) ||
      !/^[0-9]{2}$/.test(zone.slice(4, 6))
    ) {
      return cannotParse(value, rest, 'Z07:00', layout);
    }
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(4, 6));
    if (zoneHours > 24) return outOfRange(value, 'time zone offset hour');
    if (zoneMinutes > 60) return outOfRange(value, 'time zone offset minute');
    offsetSeconds =
      (zoneHours * 3600 + zoneMinutes * 60) * (zone[0] === '-' ? -1 : 1);
    rest = zone.slice(6);
  }

  if (rest.length > 0) {
    return {
      ok: false,
      error: `parsing time ${goQuote(value)}: extra text: ${goQuote(rest)}`,
    };
  }
  if (day < 1 || day > daysIn(month, year)) return outOfRange(value, 'day');

  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const seconds = date.getTime() / 1000 - offsetSeconds;
  return { ok: true, value: seconds * MICROS_PER_SECOND + fractionMicros };
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), which `validate:"required"` refuses. */
export const GO_ZERO_TIME: Micros = (() => {
  const parsed = parseRfc3339Nano('0001-01-01T00:00:00Z');
  return parsed.ok ? parsed.value : 0;
})();
