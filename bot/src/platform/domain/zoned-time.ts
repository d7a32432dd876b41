import { localDate } from './week';
import { dateTimeInZone } from './zone-formatters';

/** True when the IANA zone is known to this runtime's Intl data. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    // The memoized formatter: a known zone costs a lookup, not a new Intl.DateTimeFormat.
    dateTimeInZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** How far a zone's wall clock is ahead of UTC at an instant, in minutes (negative west of UTC). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeInZone(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a wall-clock time happens in a zone. A time skipped by a daylight-saving
 * jump moves forward by the jump (02:30 on a spring-forward night becomes 03:30); a time that
 * happens twice takes the first occurrence.
 */
export function zonedWallTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const firstGuess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  const secondOffset = offsetMinutes(new Date(firstGuess), timeZone);
  const candidate = naive - secondOffset * 60_000;
  // For an ambiguous time prefer the earlier instant (the first occurrence).
  const earlier = candidate - 60 * 60_000;
  if (offsetMinutes(new Date(earlier), timeZone) * 60_000 + earlier === naive)
    return new Date(earlier);
  return new Date(candidate);
}

/** The local calendar date plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(date: { year: number; month: number; day: number }): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The wall-clock time of an instant in a zone, as HHMM (it names rounds run by hand). */
export function timeInZone(instant: Date, timeZone: string): string {
  const parts = dateTimeInZone(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}${get('minute')}`;
}

/** Monday = 1 … Sunday = 7, as ISO counts them. */
export function isoWeekday(date: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

export { localDate };
