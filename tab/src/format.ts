/** Dates, weeks and numbers, in the person's locale. */
import type { Translate } from './i18n/use-t';

/** The Monday (UTC) that starts an ISO week such as 2026-W40. */
export function isoWeekStart(week: string): Date | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4 - jan4Day * 86_400_000 + (Number(match[2]) - 1) * 7 * 86_400_000);
}

/** The Monday a week starts, "Oct 5, 2026" (in the person's locale), else the ISO name. */
export function formatWeekStart(week: string, locale: string): string {
  const start = isoWeekStart(week);
  if (!start) return week;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(start);
}

/** "Week of Oct 5, 2026", in the person's language. */
export const formatWeek = (week: string, locale: string, t: Translate): string =>
  t('tab.dates.weekOf', { date: formatWeekStart(week, locale) });

/** A short axis label for a week's Monday: "Oct 5". */
export const formatShortDate = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);

export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export const formatPercent = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

export const formatAverage = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

/** "Ana", "Ana and Bo", "Ana, Bo, and Chen": the locale's own way of listing names. */
export const joinNames = (names: string[], locale: string): string =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
