/** @jest-environment node */
import { formatTimestamp } from './clock';
import { nextScheduled, parseWeeklySchedule } from './cron';

/*
 * Workspace autostart schedules as coderd/schedule/cron Weekly parses them
 * (on top of robfig/cron v3) and as their next time is computed.
 */

const at = (iso: string) => Date.parse(iso) * 1000;

function next(spec: string, after: string): string {
  const parsed = parseWeeklySchedule(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  return formatTimestamp(nextScheduled(parsed.schedule, at(after)));
}

function problem(spec: string): string {
  const parsed = parseWeeklySchedule(spec);
  return parsed.ok ? 'accepted' : parsed.error;
}

describe('parseWeeklySchedule', () => {
  it.each([
    ['CRON_TZ=US/Central 30 9 * * 1-5'],
    ['30 9 * * *'],
    ['0 0 * * 0'],
    ['*/15 8-17 * * mon-fri'],
    ['0,30 9 * * SUN'],
    ['CRON_TZ=UTC 5/20 23 * * 6'],
  ])('accepts %p', spec => {
    expect(problem(spec)).toBe('accepted');
  });

  it.each([
    [
      '',
      'validate weekly schedule: expected schedule to consist of 5 fields with an optional CRON_TZ=<timezone> prefix',
    ],
    [
      '30 9 * 1 *',
      'validate weekly schedule: expected day-of-month and month to be *',
    ],
    // Only a literal `*` will do, though the parser would read `?` as one.
    [
      '30 9 ? * *',
      'validate weekly schedule: expected day-of-month and month to be *',
    ],
    // Weekly drops the first of six fields whatever it is; the parser then counts them.
    [
      '1 30 9 * * 1',
      'parse schedule: expected exactly 5 fields, found 6: [1 30 9 * * 1]',
    ],
    [
      'CRON_TZ=Nowhere/Land 0 9 * * *',
      'parse schedule: provided bad location Nowhere/Land: unknown time zone Nowhere/Land',
    ],
    [
      'CRON_TZ=Local 0 9 * * *',
      'schedules scoped to time.Local are not supported',
    ],
    ['0 24 * * *', 'parse schedule: end of range (24) above maximum (23): 24'],
    ['0 9 * * 7', 'parse schedule: end of range (7) above maximum (6): 7'],
    [
      '0 9-8 * * *',
      'parse schedule: beginning of range (9) beyond end of range (8): 9-8',
    ],
    ['0 1-2-3 * * *', 'parse schedule: too many hyphens: 1-2-3'],
    ['*/5/2 9 * * *', 'parse schedule: too many slashes: */5/2'],
    [
      '*/0 9 * * *',
      'parse schedule: step of range should be a positive number: */0',
    ],
    [
      'x 9 * * *',
      'parse schedule: failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
    ],
  ])('refuses %p', (spec, error) => {
    expect(problem(spec)).toBe(error);
  });
});

describe('nextScheduled', () => {
  it('finds the next weekday at the given time, strictly after now', () => {
    // 2026-08-21 is a Friday.
    expect(next('CRON_TZ=UTC 30 9 * * 1-5', '2026-08-21T12:00:00Z')).toBe(
      '2026-08-24T09:30:00Z',
    );
    expect(next('30 9 * * 1-5', '2026-08-21T09:00:00Z')).toBe(
      '2026-08-21T09:30:00Z',
    );
    expect(next('30 9 * * *', '2026-08-21T09:30:00Z')).toBe(
      '2026-08-22T09:30:00Z',
    );
  });

  it('reads the hour in the schedule time zone, daylight saving included', () => {
    expect(
      next('CRON_TZ=Europe/Helsinki 30 9 * * *', '2026-08-21T12:00:00Z'),
    ).toBe('2026-08-22T06:30:00Z');
    // Helsinki leaves summer time early on Sunday 2026-10-25.
    expect(
      next('CRON_TZ=Europe/Helsinki 30 9 * * *', '2026-10-24T12:00:00Z'),
    ).toBe('2026-10-25T07:30:00Z');
    expect(next('CRON_TZ=US/Central 0 8 * * 0', '2026-08-21T00:00:00Z')).toBe(
      '2026-08-23T13:00:00Z',
    );
  });

  it('steps through minutes and hours', () => {
    expect(next('*/15 9 * * *', '2026-08-21T09:16:00Z')).toBe(
      '2026-08-21T09:30:00Z',
    );
    expect(next('0 */6 * * *', '2026-08-21T07:00:00Z')).toBe(
      '2026-08-21T12:00:00Z',
    );
  });
});
