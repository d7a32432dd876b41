import { z } from 'zod';
import {
  addDays,
  isoWeekday,
  isValidTimeZone,
  localDate,
  zonedWallTimeToInstant,
} from './zoned-time';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weekdaySchema = z.enum(WEEKDAYS);

export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM in 24-hour form, e.g. 09:30');

// The document lists the zones this runtime names; the aliases it also knows (Asia/Kolkata
// beside Asia/Calcutta, as browsers name them) are accepted too.
export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'timeZone must be an IANA zone such as Europe/Berlin')
  .meta({ enum: ['UTC', ...Intl.supportedValuesOf('timeZone')] });

/** A local day of the week and time in a zone: when something recurring happens. */
export interface WeeklyTime {
  day: Weekday;
  /** HH:MM, local to `timeZone`. */
  time: string;
  timeZone: string;
}

export type LocalDay = { year: number; month: number; day: number };

/** Minutes as HH:MM (minutes of a day, 0–1440). */
export const minutesAsTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** HH:MM as minutes of the day. */
export const timeAsMinutes = (time: string): number => {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
};

/** Whole weeks between 1970-01-05 (a Monday) and the Monday of the local day's week. */
export function weekIndex(day: LocalDay): number {
  const monday = addDays(day, 1 - isoWeekday(day));
  return Math.round(
    (Date.UTC(monday.year, monday.month - 1, monday.day) - Date.UTC(1970, 0, 5)) / (7 * 86_400_000),
  );
}

/**
 * The first instant strictly after `after` at the local day and time in the zone (so it follows
 * daylight-saving changes) whose local day `accepts` takes. Searches 60 weeks ahead.
 */
export function nextWeeklyTime(
  at: WeeklyTime,
  after: Date,
  accepts: (day: LocalDay, instant: Date) => boolean,
): Date {
  const [hour, minute] = at.time.split(':').map(Number);
  const targetWeekday = WEEKDAYS.indexOf(at.day) + 1;
  let day = localDate(after, at.timeZone);
  for (let i = 0; i < 7 * 60; i++) {
    if (isoWeekday(day) === targetWeekday) {
      const instant = zonedWallTimeToInstant({ ...day, hour, minute }, at.timeZone);
      if (instant.getTime() > after.getTime() && accepts(day, instant)) return instant;
    }
    day = addDays(day, 1);
  }
  throw new Error('no occurrence within 60 weeks: every candidate day is excluded');
}
