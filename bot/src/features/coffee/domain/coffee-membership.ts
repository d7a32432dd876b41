import {
  CoffeeError,
  defaultCoffeeSettings,
  statusOn,
  type CoffeeStatus,
  type ProgrammeMember,
  type WorkingHours,
} from './coffee';
import type { Programme } from './coffee-ports';
import { timeAsMinutes } from '../../../platform/domain/weekly-rhythm';

/** What a member changes about their own place: only what they send. */
export interface MeChange {
  status?: CoffeeStatus;
  pausedUntil?: string;
  timeZone?: string;
  workingHours?: WorkingHours;
  avoid?: string[];
}

/** A team that never switched coffee on: off, nobody in, no rounds. */
export const emptyProgramme = (teamId: string): Programme => ({
  teamId,
  settings: defaultCoffeeSettings(),
  members: {},
  roundSeq: 0,
  oldestKept: 1,
  recent: [],
});

/** A change the calendar or the roster refuses: the field, and which of the problems below. */
const invalid = (
  field: keyof MeChange,
  problem: string,
  values: Record<string, string | number> = {},
) => new CoffeeError('COFFEE_INVALID', { field, problem, ...values });

/**
 * Refuses what the document cannot rule out: hours that end before they start, a pause that would
 * already be over, an avoid list naming people not on the team. Each is a well-formed request the
 * calendar or the roster refuses, so the API answers 409 naming the field.
 */
export function checkChange(change: MeChange, today: string, roster: ReadonlySet<string>): void {
  const hours = change.workingHours;
  if (hours && timeAsMinutes(hours.end) <= timeAsMinutes(hours.start))
    throw invalid('workingHours', 'hoursOrder');
  if (change.pausedUntil !== undefined && change.status !== 'paused')
    throw invalid('pausedUntil', 'pauseWithoutStatus');
  if (change.pausedUntil !== undefined && change.pausedUntil <= today)
    throw invalid('pausedUntil', 'pauseOver', { today });
  const strangers = (change.avoid ?? []).filter((id) => !roster.has(id));
  if (strangers.length)
    throw invalid('avoid', 'strangers', { ids: strangers.join(', '), count: strangers.length });
}

/**
 * The member's entry after a change (undefined: out of the programme). Joining or resuming starts
 * the count of unanswered introductions again; a pause without a date lasts until they resume.
 */
export function memberAfterChange(
  current: ProgrammeMember | undefined,
  change: MeChange,
  today: string,
  now: Date,
): ProgrammeMember | undefined {
  const status = change.status ?? statusOn(current, today);
  if (status === 'out') return undefined;
  const base: ProgrammeMember = current ?? { joinedAt: now, ignoredInARow: 0, avoid: [] };
  const avoid = change.avoid ?? base.avoid;
  const ignoredInARow = change.status ? 0 : base.ignoredInARow;
  if (status === 'in') return { joinedAt: base.joinedAt, ignoredInARow, avoid };
  const pausedUntil = change.status ? (change.pausedUntil ?? null) : (base.pausedUntil ?? null);
  return { joinedAt: base.joinedAt, ignoredInARow, avoid, pausedUntil };
}
