/**
 * Time in the fake is kept as integer microseconds since the Unix epoch,
 * because Coder stores timestamps in Postgres with microsecond precision and
 * prints them with Go's RFC3339Nano layout.
 */
export type Micros = number;

export const MICROS_PER_MILLISECOND = 1000;
export const MICROS_PER_SECOND = 1_000_000;

let lastIssued = 0;

/** Now, with a microsecond part, never repeating, so orderings stay stable. */
export function nowMicros(): Micros {
  const candidate =
    Date.now() * MICROS_PER_MILLISECOND + Math.floor(Math.random() * 1000);
  lastIssued = candidate > lastIssued ? candidate : lastIssued + 1;
  return lastIssued;
}

export function millisecondsToMicros(milliseconds: number): Micros {
  return milliseconds * MICROS_PER_MILLISECOND;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Go's time.RFC3339Nano layout (`2006-01-02T15:04:05.999999999Z07:00`) drops
 * trailing zeros of the fraction, and the dot too when the fraction is zero.
 */
export function formatTimestamp(micros: Micros): string {
  const milliseconds = Math.floor(micros / MICROS_PER_MILLISECOND);
  const date = new Date(milliseconds);
  const fraction =
    micros - Math.floor(micros / MICROS_PER_SECOND) * MICROS_PER_SECOND;
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  const digits = pad(fraction, 6).replace(/0+$/, '');
  return digits ? `${base}.${digits}Z` : `${base}Z`;
}

/** Go's time.Time.String() for a UTC time, used in "API key expired at …". */
export function formatGoTimeString(micros: Micros): string {
  const iso = formatTimestamp(micros);
  const [datePart, timePart] = iso.slice(0, -1).split('T');
  return `${datePart} ${timePart} +0000 UTC`;
}
