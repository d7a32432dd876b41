/** Dates and times for the agreements and settings views (loaded with them, not up front). */

const DAY_MS = 86_400_000;

/** "Oct 12, 2026, 10:00 AM" in the person's locale, in `timeZone` (default: the browser's). */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A local calendar date (YYYY-MM-DD) as "Oct 12, 2026", whatever zone the browser is in. */
export function formatLocalDate(date: string, locale: string, style: 'medium' | 'full' = 'medium') {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    // An unknown zone: the browser's own.
    parts = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** "in 6 days", "in 3 hours", "2 days ago": how far off a moment is, roughly. */
export function formatRelative(iso: string, locale: string, now = new Date()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  if (Number.isNaN(diff)) return '';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const hours = diff / 3_600_000;
  if (Math.abs(hours) < 1) return format.format(Math.round(diff / 60_000), 'minute');
  if (Math.abs(hours) < 36) return format.format(Math.round(hours), 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** "1 member", "3 members". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
