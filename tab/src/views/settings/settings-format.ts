import { formatLocalDate, plural } from '../../dates';
import { traitLabel } from '../../traits';
import type { CheckinSettings } from '../../../../bot/src/features/checkins/checkin-schemas';

type Cadence = CheckinSettings['cadence'];
type CheckinQuestion = CheckinSettings['questions'][number];
type Weekday = CheckinSettings['cadence']['day'];

export const WEEKDAYS: readonly { id: Weekday; label: string }[] = [
  { id: 'monday', label: 'Monday' },
  { id: 'tuesday', label: 'Tuesday' },
  { id: 'wednesday', label: 'Wednesday' },
  { id: 'thursday', label: 'Thursday' },
  { id: 'friday', label: 'Friday' },
  { id: 'saturday', label: 'Saturday' },
  { id: 'sunday', label: 'Sunday' },
];

export const dayLabel = (day: string): string => WEEKDAYS.find((d) => d.id === day)?.label ?? day;

export const EVERY_LABELS: Record<Cadence['every'], string> = {
  week: 'Every week',
  'two-weeks': 'Every two weeks',
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
export function cadenceText(c: Cadence): string {
  return `${EVERY_LABELS[c.every]} on ${dayLabel(c.day)} at ${c.time} (${zoneLabel(c.timeZone)})`;
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
): string[] {
  const lines: string[] = [];
  const c = change.cadence;
  if (c) {
    const was = current.cadence;
    if (c.every !== was.every)
      lines.push(
        `How often: ${EVERY_LABELS[c.every]} (now ${EVERY_LABELS[was.every].toLowerCase()})`,
      );
    if (c.day !== was.day) lines.push(`Day: ${dayLabel(c.day)} (now ${dayLabel(was.day)})`);
    if (c.time !== was.time) lines.push(`Time: ${c.time} (now ${was.time})`);
    if (c.timeZone !== was.timeZone)
      lines.push(`Time zone: ${zoneLabel(c.timeZone)} (now ${zoneLabel(was.timeZone)})`);
    if (c.windowHours !== was.windowHours)
      lines.push(
        `Open for: ${plural(c.windowHours, 'hour')} (now ${plural(was.windowHours, 'hour')})`,
      );
    const added = c.quietDays.filter((d) => !was.quietDays.includes(d));
    const removed = was.quietDays.filter((d) => !c.quietDays.includes(d));
    if (added.length)
      lines.push(`New quiet days: ${added.map((d) => formatLocalDate(d, locale)).join(', ')}`);
    if (removed.length)
      lines.push(`No longer quiet: ${removed.map((d) => formatLocalDate(d, locale)).join(', ')}`);
  }
  const q = change.questions;
  if (q) {
    const was = new Map(current.questions.map((x) => [x.id, x]));
    for (const question of q) {
      const before = was.get(question.id);
      if (!before) lines.push(`New question (${traitLabel(question.trait)}): “${question.text}”`);
      else if (before.text !== question.text || before.trait !== question.trait)
        lines.push(
          `Reworded (${traitLabel(question.trait)}): “${question.text}” (now “${before.text}”)`,
        );
    }
    for (const before of current.questions)
      if (!q.some((x) => x.id === before.id)) lines.push(`Removed question: “${before.text}”`);
    const kept = q.filter((x) => was.has(x.id)).map((x) => x.id);
    const keptBefore = current.questions.filter((x) => kept.includes(x.id)).map((x) => x.id);
    if (kept.join() !== keptBefore.join()) lines.push('The questions come in a new order.');
  }
  return lines.length ? lines : ['No difference from the settings in force now.'];
}
