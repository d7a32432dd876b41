import type { Translate } from '../../i18n/use-t';
import type { CoffeeView } from '../../../../bot/src/features/coffee/coffee-schemas';
import { dayLabel, zoneLabel } from '../settings/settings-format';

export type CoffeeSettings = CoffeeView['settings'];
export type CoffeeMe = CoffeeView['me'];
export type WorkingHours = NonNullable<CoffeeMe['workingHours']>;

/** How often rounds run, as choices: "Every week", "Every two weeks"… */
export const everyOptions = (t: Translate): { id: `${CoffeeSettings['every']}`; label: string }[] =>
  ([1, 2, 4] as const).map((weeks) => ({
    id: `${weeks}`,
    label: t('tab.coffee.every', { weeks }),
  }));

/** Group sizes, as choices: "Pairs", "Groups of three"… */
export const groupSizeOptions = (
  t: Translate,
): { id: `${CoffeeSettings['groupSize']}`; label: string }[] =>
  ([2, 3, 4] as const).map((size) => ({
    id: `${size}`,
    label: t('tab.coffee.groupSize', { size }),
  }));

/** "Every two weeks on Tuesday at 10:00 (Europe/Berlin time), in pairs." */
export function rhythmText(
  settings: CoffeeSettings,
  timeZone: string,
  locale: string,
  t: Translate,
): string {
  return t('tab.coffee.rhythm', {
    weeks: settings.every,
    day: dayLabel(settings.day, locale),
    time: settings.time,
    zone: zoneLabel(timeZone),
    size: settings.groupSize,
  });
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
export function clockText(aheadMinutes: number, timeZone: string, t: Translate): string {
  const zone = zoneLabel(timeZone);
  if (aheadMinutes === 0) return t('tab.coffee.clockSame', { zone });
  const abs = Math.abs(aheadMinutes);
  const amount = t('tab.coffee.duration', { hours: Math.floor(abs / 60), minutes: abs % 60 });
  return t(aheadMinutes > 0 ? 'tab.coffee.clockAhead' : 'tab.coffee.clockBehind', {
    amount,
    zone,
  });
}

/** "You both work 09:00–12:00 your time." */
export function sharedHoursText(shared: WorkingHours | null, t: Translate): string {
  return shared
    ? t('tab.coffee.sharedHours', { start: shared.start, end: shared.end })
    : t('tab.coffee.noSharedHours');
}

/** A local date (YYYY-MM-DD) `days` later. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
