import { z } from 'zod';
import { DomainError } from '../../../platform/domain/domain-error';
import { plainText } from '../../../platform/domain/text-rules';
import { TRAITS, TRAIT_IDS, type TraitId } from '../../../platform/domain/traits';

export const MAX_REPLY = 1000;
export const MAX_NOTE = 500;
export const MAX_THEMES = 8;
/** A comment counts as heard in time when marked heard or answered within this many days. */
export const HEARD_WITHIN_DAYS = 7;
/** The results card goes out on its own this long after the close, unless a lead adds a note first. */
export const RESULTS_DELAY_HOURS = 3;

export type FollowErrorCode =
  | 'FOLLOW_REASON_NEEDED'
  | 'FOLLOW_UNKNOWN_COMMENT'
  | 'FOLLOW_COMMENT_NOT_FOUND'
  | 'FOLLOW_INVALID_DATE'
  | 'FOLLOW_ALREADY_PROPOSED'
  | 'FOLLOW_ROUND_NOT_FOUND'
  | 'FOLLOW_ROUND_OPEN'
  | 'FOLLOW_BELOW_MINIMUM'
  | 'FOLLOW_ACTION_NOT_FOUND'
  | 'FOLLOW_NOT_YOURSELF'
  | 'FOLLOW_STATUS'
  | 'FOLLOW_RESULTS_POSTED';

export class FollowError extends DomainError<FollowErrorCode> {}

/** A member as follow-through names them: replies are signed, owners volunteer by name. */
export interface Signed {
  aadObjectId: string;
  name: string;
}

export const replyTextSchema = plainText(1, MAX_REPLY, {
  short: 'write a reply',
  long: `keep a reply to ${MAX_REPLY} characters`,
}).transform((s) => s.trim());

export const noteSchema = plainText(1, MAX_NOTE, {
  short: 'write a note',
  long: `keep the note to ${MAX_NOTE} characters`,
}).transform((s) => s.trim());

export const themeNameSchema = plainText(1, 60, {
  short: 'name the theme',
  long: 'keep a theme’s name to 60 characters',
}).transform((s) => s.trim());

export const actionTitleSchema = plainText(3, 120, {
  short: 'give the action a title of at least 3 characters',
  long: 'keep the title to 120 characters',
}).transform((s) => s.trim());

/** At least what a working agreement's text needs, so any action can become one. */
export const actionWhySchema = plainText(10, 1000, {
  short: 'say why in at least 10 characters',
  long: 'keep the why to 1000 characters',
}).transform((s) => s.trim());

export const dropReasonSchema = plainText(3, 500, {
  short: 'say why it was dropped in at least 3 characters',
  long: 'keep the reason to 500 characters',
}).transform((s) => s.trim());

export const traitSchema = z.enum(TRAIT_IDS as [TraitId, ...TraitId[]]);

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionCheckBack {
  roundId: string;
  /** Set once the round closed: the average when enough answered, else null. */
  result?: { average: number; answers: number } | null;
}

export interface Action {
  id: string;
  teamId: string;
  title: string;
  why: string;
  commentIds: string[];
  trait?: TraitId;
  dueDate: string;
  status: ActionStatus;
  reason?: string;
  /** Who volunteered: never someone else's choice. Who created it is not kept. */
  owner?: Signed;
  createdAt: Date;
  doneAt?: Date;
  checkBack?: ActionCheckBack;
  agreementId?: string;
}

/** Forward only: planned → in progress → done; dropped (with a reason) from either open state. */
const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['in-progress', 'done', 'dropped'],
  'in-progress': ['done', 'dropped'],
  done: [],
  dropped: [],
};

/** Refuses a status change the action's state does not allow, saying what it allows. */
export function assertStatusChange(from: ActionStatus, to: ActionStatus, reason?: string) {
  if (from === to) return;
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from];
    throw new FollowError('FOLLOW_STATUS', {
      from,
      to,
      allowed: allowed.length ? allowed.join(', ') : 'none',
    });
  }
  if (to === 'dropped' && !reason) throw new FollowError('FOLLOW_REASON_NEEDED');
}

/** Today's date in a zone, YYYY-MM-DD, from the zone's calendar. */
export const todayIn = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);

/** The calendar quarter a YYYY-MM-DD date falls in, e.g. 2026-Q4. */
export const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** Trait averages of a round as the summary compares them. */
export type TraitAverages = Partial<Record<TraitId, number>>;

export type TraitTrend =
  | { trait: TraitId; status: 'shown'; average: number; trend: 'up' | 'down' | 'same' | 'new' }
  | { trait: TraitId; status: 'not-enough' };

/** Within this, two averages are "the same": a tenth of a point is noise, not news. */
const SAME = 0.1;

/**
 * Each trait against the previous round: numbers only for traits the round may show; a trait
 * below the minimum gets no number and no direction, which would tell as much.
 */
export function traitTrends(current: TraitAverages, previous: TraitAverages): TraitTrend[] {
  return TRAITS.map(({ id }) => {
    const average = current[id];
    if (average === undefined) return { trait: id, status: 'not-enough' as const };
    const before = previous[id];
    const trend =
      before === undefined
        ? ('new' as const)
        : Math.abs(average - before) < SAME
          ? ('same' as const)
          : average > before
            ? ('up' as const)
            : ('down' as const);
    return { trait: id, status: 'shown' as const, average, trend };
  });
}

/** Averages from publishable sums (the check-ins feature already left out what is below the minimum). */
export function averagesOf(sums: Partial<Record<TraitId, { sum: number; count: number }>>) {
  const averages: TraitAverages = {};
  for (const id of TRAIT_IDS) {
    const s = sums[id];
    if (s && s.count > 0) averages[id] = Math.round((s.sum / s.count) * 100) / 100;
  }
  return averages;
}

/**
 * Share of comments heard or answered within HEARD_WITHIN_DAYS of their round's close, over the
 * rounds given. A comment still inside its window and not yet answered is not counted either way.
 */
export function heardShare(
  rounds: readonly { closedAt: Date; comments: number; firstAnswers: readonly Date[] }[],
  now: Date,
): { heard: number; comments: number; share: number | null } {
  const windowMs = HEARD_WITHIN_DAYS * 86_400_000;
  let heard = 0;
  let counted = 0;
  for (const r of rounds) {
    const deadline = r.closedAt.getTime() + windowMs;
    const inTime = r.firstAnswers.filter((at) => at.getTime() <= deadline).length;
    heard += inTime;
    counted += now.getTime() > deadline ? r.comments : inTime;
  }
  return {
    heard,
    comments: counted,
    share: counted ? Math.round((heard / counted) * 100) / 100 : null,
  };
}
