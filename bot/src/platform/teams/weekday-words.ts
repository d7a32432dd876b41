import { WEEKDAYS, type Weekday } from '../domain/weekly-rhythm';
import { afterCommand } from './command-text';

/**
 * "friday 15:00", "Freitag 15:00", "vendredi 15:00": a weekday in any language Rapport speaks
 * (the catalog's `common.weekday.<day>`) and a 24-hour time; undefined otherwise.
 */
export function weekdayAndTime(text: string): { day: Weekday; time: string } | undefined {
  for (const day of WEEKDAYS) {
    const rest = afterCommand(text, `common.weekday.${day}`);
    if (rest !== undefined && /^([01]\d|2[0-3]):[0-5]\d$/.test(rest)) return { day, time: rest };
  }
  return undefined;
}
