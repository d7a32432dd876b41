import { formatLocalDate } from '../../dates';
import { traitLabel } from '../../traits';
import type { MessageId, Translate } from '../../i18n/use-t';
import type { CheckinSettings } from '../../../../bot/src/features/checkins/checkin-schemas';

type Cadence = CheckinSettings['cadence'];
type CheckinQuestion = CheckinSettings['questions'][number];
type Weekday = CheckinSettings['cadence']['day'];

const WEEKDAY_IDS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** A weekday's name in the locale, from Intl: 5 January 2026 was a Monday. */
const weekdayName = (index: number, locale: string): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 5 + index)),
  );

/** The days of the week, Monday first, named in the person's locale. */
export const weekdays = (locale: string): { id: Weekday; label: string }[] =>
  WEEKDAY_IDS.map((id, i) => ({ id, label: weekdayName(i, locale) }));

export const dayLabel = (day: string, locale: string): string => {
  const index = WEEKDAY_IDS.indexOf(day as Weekday);
  return index < 0 ? day : weekdayName(index, locale);
};

export const EVERY_LABELS: Record<Cadence['every'], MessageId> = {
  week: 'tab.settings.everyWeek',
  'two-weeks': 'tab.settings.everyTwoWeeks',
};

export const MAX_QUESTIONS = 10;
export const MIN_GROUP = 3;
export const MAX_GROUP = 50;
export const MIN_WINDOW = 4;
export const MAX_WINDOW = 168;

/** Every IANA zone this browser knows (the server checks the same names). */
export function timeZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC'];
  }
}

/** A zone as people read it: "America/New York". */
export const zoneLabel = (zone: string): string => zone.replace(/_/g, ' ');

/** "Every week on Monday at 10:00 (Europe/Berlin)". */
export function cadenceText(c: Cadence, locale: string, t: Translate): string {
  return t('tab.settings.cadence', {
    every: c.every,
    day: dayLabel(c.day, locale),
    time: c.time,
    zone: zoneLabel(c.timeZone),
  });
}

/** A moment in the team's zone: "Monday, October 5, 2026 at 10:00 AM". */
export function formatInZone(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date);
  }
}

/** A fresh question id the server accepts (lowercase letters, digits and "-"), unique in `taken`. */
export function newQuestionId(taken: readonly CheckinQuestion[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `question-${n}`;
    if (!taken.some((q) => q.id === id)) return id;
  }
}

/** What a proposed change does, line by line, against the settings in force. */
export function describeChange(
  current: { cadence: Cadence; questions: CheckinQuestion[] },
  change: { cadence?: Cadence; questions?: CheckinQuestion[] },
  locale: string,
  t: Translate,
): string[] {
  const lines: string[] = [];
  const c = change.cadence;
  if (c) {
    const was = current.cadence;
    const dates = (days: string[]) =>
      new Intl.ListFormat(locale, { type: 'unit' }).format(
        days.map((d) => formatLocalDate(d, locale)),
      );
    if (c.every !== was.every)
      lines.push(
        t('tab.settings.changeEvery', {
          value: t(EVERY_LABELS[c.every]),
          was: t(EVERY_LABELS[was.every]),
        }),
      );
    if (c.day !== was.day)
      lines.push(
        t('tab.settings.changeDay', {
          value: dayLabel(c.day, locale),
          was: dayLabel(was.day, locale),
        }),
      );
    if (c.time !== was.time)
      lines.push(t('tab.settings.changeTime', { value: c.time, was: was.time }));
    if (c.timeZone !== was.timeZone)
      lines.push(
        t('tab.settings.changeZone', {
          value: zoneLabel(c.timeZone),
          was: zoneLabel(was.timeZone),
        }),
      );
    if (c.windowHours !== was.windowHours)
      lines.push(t('tab.settings.changeWindow', { value: c.windowHours, was: was.windowHours }));
    const added = c.quietDays.filter((d) => !was.quietDays.includes(d));
    const removed = was.quietDays.filter((d) => !c.quietDays.includes(d));
    if (added.length) lines.push(t('tab.settings.changeQuietAdded', { dates: dates(added) }));
    if (removed.length) lines.push(t('tab.settings.changeQuietRemoved', { dates: dates(removed) }));
  }
  const q = change.questions;
  if (q) {
    const was = new Map(current.questions.map((x) => [x.id, x]));
    for (const question of q) {
      const before = was.get(question.id);
      const trait = traitLabel(question.trait, t);
      if (!before) lines.push(t('tab.settings.changeNewQuestion', { trait, text: question.text }));
      else if (before.text !== question.text || before.trait !== question.trait)
        lines.push(
          t('tab.settings.changeReworded', { trait, text: question.text, was: before.text }),
        );
    }
    for (const before of current.questions)
      if (!q.some((x) => x.id === before.id))
        lines.push(t('tab.settings.changeRemoved', { text: before.text }));
    const kept = q.filter((x) => was.has(x.id)).map((x) => x.id);
    const keptBefore = current.questions.filter((x) => kept.includes(x.id)).map((x) => x.id);
    if (kept.join() !== keptBefore.join()) lines.push(t('tab.settings.changeOrder'));
  }
  return lines.length ? lines : [t('tab.settings.changeNone')];
}
