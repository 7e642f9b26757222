const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago"; Coder reports a never-used workspace with the zero time. */
export function formatLastUsed(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (
    !Number.isFinite(time) ||
    time <= 0 ||
    new Date(time).getUTCFullYear() < 2000
  ) {
    return 'never';
  }
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size)
      return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
