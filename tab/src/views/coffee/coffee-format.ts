import { plural } from '../../dates';
import type { CoffeeView } from '../../../../bot/src/features/coffee/coffee-schemas';
import { dayLabel, zoneLabel } from '../settings/settings-format';

export type CoffeeSettings = CoffeeView['settings'];
export type CoffeeMe = CoffeeView['me'];
export type WorkingHours = NonNullable<CoffeeMe['workingHours']>;

export const EVERY: readonly { id: `${CoffeeSettings['every']}`; label: string }[] = [
  { id: '1', label: 'Every week' },
  { id: '2', label: 'Every two weeks' },
  { id: '4', label: 'Every four weeks' },
];

export const GROUP_SIZES: readonly { id: `${CoffeeSettings['groupSize']}`; label: string }[] = [
  { id: '2', label: 'Pairs' },
  { id: '3', label: 'Groups of three' },
  { id: '4', label: 'Groups of four' },
];

const labelOf = (items: readonly { id: string; label: string }[], id: number) =>
  items.find((i) => i.id === String(id))?.label ?? String(id);

/** "Every two weeks on Tuesday at 10:00 (Europe/Berlin time), in pairs." */
export function rhythmText(settings: CoffeeSettings, timeZone: string): string {
  const size = labelOf(GROUP_SIZES, settings.groupSize).toLowerCase();
  return `${labelOf(EVERY, settings.every)} on ${dayLabel(settings.day)} at ${settings.time} (${zoneLabel(timeZone)} time), in ${size}.`;
}

/** Where the working day starts and ends when the person has not said. */
export const DEFAULT_HOURS: WorkingHours = { start: '09:00', end: '17:00' };

/** The zone this browser runs in, for people Rapport has no zone for yet. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A partner's local time against the person's own: "Their clock is 5 h 30 min ahead of yours
 * (Asia/Kolkata).", "… 3 h behind yours …", "Their clock shows the same time as yours (…)."
 */
export function clockText(aheadMinutes: number, timeZone: string): string {
  const zone = `(${zoneLabel(timeZone)})`;
  if (aheadMinutes === 0) return `Their clock shows the same time as yours ${zone}.`;
  const abs = Math.abs(aheadMinutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  const amount = [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
  return `Their clock is ${amount} ${aheadMinutes > 0 ? 'ahead of' : 'behind'} yours ${zone}.`;
}

/** "You both work 09:00–12:00 your time." */
export function sharedHoursText(shared: WorkingHours | null): string {
  return shared
    ? `You both work ${shared.start}–${shared.end} your time.`
    : 'Your working hours do not overlap: pick a time at the edge of your days.';
}

/** "8 of 11 groups met". */
export const metText = (met: number, groups: number): string =>
  `${met} of ${plural(groups, 'group')} met`;

/** A local date (YYYY-MM-DD) `days` later. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
