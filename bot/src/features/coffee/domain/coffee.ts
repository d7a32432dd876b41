import { z } from 'zod';
import {
  localTimeSchema,
  nextWeeklyTime,
  timeZoneSchema,
  weekdaySchema,
  weekIndex,
  type WeeklyTime,
} from '../../../platform/domain/weekly-rhythm';
import { isoDate, localDate } from '../../../platform/domain/zoned-time';
import { DomainError } from '../../../platform/domain/domain-error';

/** A member who let this many introductions in a row pass without a word is paused. */
export const IGNORED_INTROS_BEFORE_PAUSE = 3;
/** Pair history is kept for at most this many rounds (half a year of weekly rounds). */
export const MAX_HISTORY_ROUNDS = 26;
/** How many closed rounds the team's counts show. */
export const RECENT_ROUNDS_SHOWN = 6;
export const MAX_AVOIDED = 50;

export const coffeeSettingsSchema = z.object({
  enabled: z.boolean(),
  every: z.union([z.literal(1), z.literal(2), z.literal(4)]).meta({
    description: 'A round every 1, 2 or 4 weeks',
  }),
  day: weekdaySchema,
  time: localTimeSchema,
  groupSize: z.union([z.literal(2), z.literal(3), z.literal(4)]).meta({
    description: 'People per group; when the count does not divide, some groups get one more',
  }),
});
export type CoffeeSettings = z.infer<typeof coffeeSettingsSchema>;

export const defaultCoffeeSettings = (): CoffeeSettings => ({
  enabled: false,
  every: 2,
  day: 'tuesday',
  time: '10:00',
  groupSize: 2,
});

/** Hours that end before they start are refused by the service (checkChange), with a 409. */
export const workingHoursSchema = z.object({ start: localTimeSchema, end: localTimeSchema });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00' };

export { timeZoneSchema };

export type CoffeeStatus = 'in' | 'out' | 'paused';

/** A member's place in the team's programme. Absent from the programme: "out". */
export interface ProgrammeMember {
  joinedAt: Date;
  /** Set: paused until this local date (YYYY-MM-DD, inclusive); `null`: paused until they come back. */
  pausedUntil?: string | null;
  ignoredInARow: number;
  /** Private: never shown to anyone but the member. */
  avoid: string[];
}

/** Whether a member takes part in a round that starts on `today` (the team's local date). */
export function statusOn(member: ProgrammeMember | undefined, today: string): CoffeeStatus {
  if (!member) return 'out';
  if (member.pausedUntil === undefined) return 'in';
  if (member.pausedUntil === null || member.pausedUntil >= today) return 'paused';
  return 'in';
}

/** The team's local date of an instant, as rounds and pauses compare them. */
export const teamToday = (now: Date, timeZone: string): string => isoDate(localDate(now, timeZone));

/** When the next round starts: the team's day and time, on every `every`-th week. */
export function nextRoundAt(settings: CoffeeSettings, timeZone: string, after: Date): Date {
  const at: WeeklyTime = { day: settings.day, time: settings.time, timeZone };
  return nextWeeklyTime(at, after, (day) => weekIndex(day) % settings.every === 0);
}

/** A round lasts until the next one would start: its "did you meet?" counts are taken then. */
export const roundEndsAt = (settings: CoffeeSettings, startsAt: Date): Date =>
  new Date(startsAt.getTime() + settings.every * 7 * 86_400_000);

export type MeetingOutcome = 'met' | 'not-yet' | 'skip';

/** The counts a closed round leaves behind: no one's answer, only the team's. */
export interface RoundCounts {
  round: number;
  startsAt: Date;
  groups: number;
  met: number;
}

/** A group met when any of its members says so. */
export function countMet(groups: readonly string[][], answers: Record<string, MeetingOutcome>) {
  return groups.filter((g) => g.some((m) => answers[m] === 'met')).length;
}

/**
 * After a round closes: who answered nothing counts one more ignored introduction, who answered
 * anything starts again from zero; members reaching the limit are paused.
 */
export function afterRound(
  members: Readonly<Record<string, ProgrammeMember>>,
  grouped: readonly string[],
  answers: Readonly<Record<string, MeetingOutcome>>,
): { ignored: Record<string, number>; paused: string[] } {
  const ignored: Record<string, number> = {};
  const paused: string[] = [];
  for (const id of grouped) {
    const member = members[id];
    if (!member) continue;
    const count = answers[id] ? 0 : member.ignoredInARow + 1;
    ignored[id] = count;
    if (count >= IGNORED_INTROS_BEFORE_PAUSE && member.pausedUntil === undefined) paused.push(id);
  }
  return { ignored, paused };
}

/** How many past rounds the cooldown needs: until everyone could have met everyone, capped. */
export const historyRounds = (members: number): number =>
  Math.max(1, Math.min(MAX_HISTORY_ROUNDS, members - 1));

/**
 * How many conversation starters introductions draw from (the catalog's `coffee.starter.<n>`).
 * Light and safe to answer with a colleague.
 */
export const CONVERSATION_STARTERS = 8;

/**
 * The same group gets the same starter (its number, from 1) on every card, so everyone sees one
 * question, each in their own language.
 */
export function starterFor(roundId: string, group: readonly string[]): number {
  const key = `${roundId}|${[...group].sort().join(',')}`;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return (hash % CONVERSATION_STARTERS) + 1;
}

export class CoffeeError extends DomainError {}
