import { dateInZone } from './zone-formatters';

/**
 * ISO-8601 week keys ("2026-W48") of an instant as seen in a time zone. Trust-health buckets are
 * weekly and a team's week starts on its own Monday, not UTC's.
 */
export function localDate(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number } {
  const parts = dateInZone(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Since 1972 every zone's offset from UTC has been a whole number of minutes. */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1972, 0, 1);
/** Per zone, the last minute asked for and its week: a busy team asks many times a minute. */
const lastWeekOf = new Map<string, { minute: number; week: string }>();

/**
 * The week of an instant in a zone. Formatting in a zone costs 10 µs, so the week of the last
 * minute asked for in each zone is kept (one entry per IANA zone): a week only starts on a minute.
 */
export function isoWeekKey(instant: Date, timeZone = 'UTC'): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastWeekOf.get(timeZone);
  if (last?.minute === minute) return last.week;
  const week = weekOf(instant, timeZone);
  if (instant.getTime() >= WHOLE_MINUTE_OFFSETS_FROM) lastWeekOf.set(timeZone, { minute, week });
  return week;
}

function weekOf(instant: Date, timeZone: string): string {
  const { year, month, day } = localDate(instant, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The ISO week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
