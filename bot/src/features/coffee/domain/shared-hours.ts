import {
  addDays,
  isValidTimeZone,
  localDate,
  offsetMinutes,
  timeInZone,
  zonedWallTimeToInstant,
} from '../../../platform/domain/zoned-time';
import type { CoffeeCandidate } from './matching';

/** Working hours assumed for a member who has not said theirs. */
export const DEFAULT_WORKING_HOURS = { start: '09:00', end: '17:00' } as const;

/** A stretch of time between two instants, in epoch milliseconds; end is excluded. */
export interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;

function minuteOfDay(hhmm: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The member's own zone when the runtime knows it, else the programme's (else UTC). */
export function effectiveTimeZone(candidate: CoffeeCandidate, programmeTimeZone: string): string {
  if (candidate.timeZone && isValidTimeZone(candidate.timeZone)) return candidate.timeZone;
  return isValidTimeZone(programmeTimeZone) ? programmeTimeZone : 'UTC';
}

/** Start and end as minutes of the day; hours that do not parse, or end before they start, count as unknown. */
function effectiveHours(candidate: CoffeeCandidate): { start: number; end: number } {
  const start = minuteOfDay(candidate.workingHours?.start ?? '');
  const end = minuteOfDay(candidate.workingHours?.end ?? '');
  if (start !== undefined && end !== undefined && end > start) return { start, end };
  return { start: 9 * 60, end: 17 * 60 };
}

/**
 * The member's working hours on the local days before, of and after the round's date, as
 * instants. Each day is converted on its own, so a daylight-saving change between them is
 * honoured; the neighbouring days catch overlaps across midnight (Sydney's morning is Los
 * Angeles' previous afternoon).
 */
export function workingWindows(
  candidate: CoffeeCandidate,
  date: Date,
  programmeTimeZone: string,
): Interval[] {
  const zone = effectiveTimeZone(candidate, programmeTimeZone);
  const hours = effectiveHours(candidate);
  const today = localDate(date, zone);
  return [-1, 0, 1].map((shift) => {
    const day = addDays(today, shift);
    const at = (minute: number) =>
      zonedWallTimeToInstant(
        { ...day, hour: Math.floor(minute / 60), minute: minute % 60 },
        zone,
      ).getTime();
    return { start: at(hours.start), end: at(hours.end) };
  });
}

/**
 * The stretch two members both work around the round's date. Their days line up the same way
 * every day, give or take a daylight-saving change, so each way of lining them up (my day
 * against their same, next or previous day) is measured where it happens nearest to the round,
 * and the longest of those is the answer. Nearest, so that on the day a zone changes its clocks
 * the new offset counts; by alignment, so that the answer does not depend on who comes first.
 */
export function sharedStretch(
  mine: Interval[],
  theirs: Interval[],
  date: Date,
): Interval | undefined {
  const at = date.getTime();
  const nearestByShift = new Map<number, { stretch: Interval; distance: number }>();
  mine.forEach((myDay, i) =>
    theirs.forEach((theirDay, j) => {
      const start = Math.max(myDay.start, theirDay.start);
      const end = Math.min(myDay.end, theirDay.end);
      if (end <= start) return;
      const distance = Math.abs((start + end) / 2 - at);
      const kept = nearestByShift.get(j - i);
      if (!kept || distance < kept.distance)
        nearestByShift.set(j - i, { stretch: { start, end }, distance });
    }),
  );
  let best: { stretch: Interval; distance: number } | undefined;
  for (const candidate of nearestByShift.values()) {
    const length = candidate.stretch.end - candidate.stretch.start;
    const bestLength = best ? best.stretch.end - best.stretch.start : -1;
    if (length > bestLength || (length === bestLength && candidate.distance < best!.distance))
      best = candidate;
  }
  return best?.stretch;
}

export function overlapMinutes(mine: Interval[], theirs: Interval[], date: Date): number {
  const stretch = sharedStretch(mine, theirs, date);
  return stretch ? Math.round((stretch.end - stretch.start) / MINUTE) : 0;
}

/** Minutes of the day both members work, on the round's date. */
export function sharedWorkingMinutes(
  a: CoffeeCandidate,
  b: CoffeeCandidate,
  date: Date,
  programmeTimeZone: string,
): number {
  return overlapMinutes(
    workingWindows(a, date, programmeTimeZone),
    workingWindows(b, date, programmeTimeZone),
    date,
  );
}

function wallClock(instant: number, timeZone: string): string {
  const hhmm = timeInZone(new Date(instant), timeZone);
  return `${hhmm.slice(0, 2)}:${hhmm.slice(2)}`;
}

/** For the introduction card: the partner's offset from me in minutes (positive = ahead) and the hours we share, in MY local time ('HH:MM'), or undefined when none. */
export function partnerTimes(
  me: CoffeeCandidate,
  partner: CoffeeCandidate,
  date: Date,
  programmeTimeZone: string,
): { aheadMinutes: number; shared?: { start: string; end: string } } {
  const myZone = effectiveTimeZone(me, programmeTimeZone);
  const partnerZone = effectiveTimeZone(partner, programmeTimeZone);
  const aheadMinutes = offsetMinutes(date, partnerZone) - offsetMinutes(date, myZone);
  const overlap = sharedStretch(
    workingWindows(me, date, programmeTimeZone),
    workingWindows(partner, date, programmeTimeZone),
    date,
  );
  if (!overlap) return { aheadMinutes };
  return {
    aheadMinutes,
    shared: { start: wallClock(overlap.start, myZone), end: wallClock(overlap.end, myZone) },
  };
}
