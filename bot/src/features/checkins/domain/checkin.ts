import { z } from 'zod';
import { lastById, plainText } from '../../../platform/domain/text-rules';
import { DomainError } from '../../../platform/domain/domain-error';
import { LOCALES, SOURCE_LOCALE, type Locale } from '../../../platform/domain/locales';
import { TRAITS, TRAIT_IDS, type TraitId } from '../../../platform/domain/traits';
import { isoWeekKey } from '../../../platform/domain/week';
import {
  localTimeSchema,
  nextWeeklyTime,
  timeZoneSchema,
  weekdaySchema,
} from '../../../platform/domain/weekly-rhythm';
import { isoDate, localDate, timeInZone } from '../../../platform/domain/zoned-time';

/** No aggregate is ever shown for fewer people than this, whatever a team configures. */
export const MIN_GROUP_FLOOR = 3;
export const MAX_FREE_TEXT = 1000;
export const MAX_QUESTIONS = 10;

export const questionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'question ids are 1–40 lowercase letters, digits or "-"'),
  trait: z.enum(TRAIT_IDS as [TraitId, ...TraitId[]]),
  text: plainText(5, 200, {
    short: 'a question needs at least 5 characters',
    long: 'keep a question under 200 characters',
  }).transform((s) => s.trim()),
});
export type Question = z.infer<typeof questionSchema>;

export const cadenceSchema = z.object({
  every: z.enum(['week', 'two-weeks']),
  day: weekdaySchema,
  time: localTimeSchema,
  timeZone: timeZoneSchema,
  /** How long a round stays open. */
  windowHours: z.number().int().min(4).max(168),
  /** Local dates (YYYY-MM-DD) when no round opens: holidays, team off-sites. */
  quietDays: z.array(z.iso.date('quiet days are dates, YYYY-MM-DD')).max(100),
});
export type Cadence = z.infer<typeof cadenceSchema>;

export const questionsSchema = z
  .array(questionSchema)
  .min(1, 'keep at least one question')
  .max(MAX_QUESTIONS, 'ten questions at most: short check-ins get honest answers')
  .transform(lastById);

export const checkinSettingsSchema = z.object({
  enabled: z.boolean(),
  cadence: cadenceSchema,
  questions: questionsSchema,
  freeText: z.object({
    enabled: z.boolean(),
    prompt: plainText(5, 200, {
      short: 'a prompt needs at least 5 characters',
      long: 'keep the prompt under 200 characters',
    }).transform((s) => s.trim()),
  }),
  minGroupSize: z
    .number()
    .int()
    .min(MIN_GROUP_FLOOR, `the minimum group size is never below ${MIN_GROUP_FLOOR}`)
    .max(50),
  /**
   * The team's language: of cards posted for everyone, and of messages to a member whose own
   * language Rapport has not seen yet. Left out of a change, it stays as it is.
   */
  language: z.enum(LOCALES, { error: `the language is one of ${LOCALES.join(', ')}` }).optional(),
});
export type CheckinSettings = z.infer<typeof checkinSettingsSchema>;
/** A team's settings as read: its language is always known (the default's, until one is set). */
export type TeamCheckinSettings = CheckinSettings & { language: Locale };

/** A proposal's change: new questions, a new cadence, or both. */
export const settingsChangeSchema = checkinSettingsSchema
  .pick({ cadence: true, questions: true })
  .partial()
  .meta({ anyOf: [{ required: ['cadence'] }, { required: ['questions'] }] });

/** The words of a team's first check-in, in the team's language (the catalog's defaults). */
export interface DefaultCheckinTexts {
  questions: Record<TraitId, string>;
  freeTextPrompt: string;
}

/** What a team that never changed its settings gets: one question per trait, weekly on Monday. */
export function defaultCheckinSettings(
  texts: DefaultCheckinTexts,
  language: Locale = SOURCE_LOCALE,
): TeamCheckinSettings {
  return {
    language,
    enabled: true,
    cadence: {
      every: 'week',
      day: 'monday',
      time: '10:00',
      timeZone: 'UTC',
      windowHours: 72,
      quietDays: [],
    },
    questions: TRAITS.map((t) => ({ id: t.id, trait: t.id, text: texts.questions[t.id] })),
    freeText: { enabled: true, prompt: texts.freeTextPrompt },
    minGroupSize: MIN_GROUP_FLOOR,
  };
}

export interface RoundTimes {
  /** Stable id of the round: one per team and local opening date. */
  localDate: string;
  /** HHMM in the team's zone: with the date, the id of a round run by hand. */
  localTime: string;
  opensAt: Date;
  nudgeAt: Date;
  closesAt: Date;
  week: string;
}

/** When a round opening at `opensAt` nudges and closes: the nudge at two thirds of the window. */
export function roundTimes(cadence: Cadence, opensAt: Date): RoundTimes {
  const windowMs = cadence.windowHours * 3_600_000;
  return {
    localDate: isoDate(localDate(opensAt, cadence.timeZone)),
    localTime: timeInZone(opensAt, cadence.timeZone),
    opensAt,
    nudgeAt: new Date(opensAt.getTime() + Math.round((windowMs * 2) / 3)),
    closesAt: new Date(opensAt.getTime() + windowMs),
    week: isoWeekKey(opensAt, cadence.timeZone),
  };
}

/**
 * The next time a round opens strictly after `after`, at the team's local day and time in its
 * own zone (so it follows daylight-saving changes), skipping quiet days. Two-weekly cadences
 * open on even ISO weeks, so the rhythm survives restarts and setting edits.
 */
export function nextRoundOpening(cadence: Cadence, after: Date): Date {
  return nextWeeklyTime(cadence, after, (day, at) => {
    const weekNumber = Number(isoWeekKey(at, cadence.timeZone).slice(-2));
    const onCadence = cadence.every === 'week' || weekNumber % 2 === 0;
    return onCadence && !cadence.quietDays.includes(isoDate(day));
  });
}

export type CheckinErrorCode =
  | 'CHECKIN_ROUND_CLOSED'
  | 'CHECKIN_ALREADY_ANSWERED'
  | 'CHECKIN_INVALID_ANSWER'
  | 'CHECKIN_NOT_A_MEMBER'
  | 'CHECKIN_ROUND_NOT_FOUND'
  | 'ROUND_NOT_OPEN'
  | 'INVALID_SETTINGS'
  // Leads are named from the team's roster: a conflict with who is in the team, not bad input.
  | 'LEAD_NOT_A_MEMBER'
  | 'NOT_A_LEAD'
  | 'PROPOSAL_NOT_FOUND'
  | 'PROPOSAL_CLOSED';

export class CheckinError extends DomainError<CheckinErrorCode> {}

/** A question about one finished action; answers are summed apart from the traits. */
export interface CheckBackQuestion {
  /** The action's id: letters, digits and "-", so it can name a stored field. */
  id: string;
  /** The action's title as its owner wrote it; the card asks about it in the reader's language. */
  title: string;
}

/** The card input that answers a check-back: "_" never appears in a question id. */
export const checkBackInput = (id: string) => `checkback_${id}`;

export interface ValidAnswer {
  /** trait → score 1–5, averaged when several questions share a trait. */
  scores: { trait: TraitId; score: number }[];
  /** check-back id → score 1–5. */
  checkBacks?: { id: string; score: number }[];
  freeText?: string;
}

/**
 * A comment's id: the round's local date (its key within the team) and the comment's place in the
 * round's list, which is random and fixed once the round closes. Nothing in it is about a person.
 */
export const commentId = (roundKey: string, index: number) => `${roundKey}.c${index + 1}`;

export const COMMENT_ID_PATTERN = /^(\d{4}-\d{2}-\d{2}(?:-\d{4})?)\.c([1-9]\d{0,3})$/;

/** The round key and place a comment id names, or undefined when it is not one. */
export function parseCommentId(id: string): { roundKey: string; index: number } | undefined {
  const match = COMMENT_ID_PATTERN.exec(id);
  return match ? { roundKey: match[1]!, index: Number(match[2]) - 1 } : undefined;
}

/** Reads a 1–5 score, or undefined when the question was skipped. */
function scoreOf(raw: unknown, question: string): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const score = Number(raw);
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new CheckinError('CHECKIN_INVALID_ANSWER', { problem: 'score', question });
  }
  return score;
}

/**
 * Reads a submitted answer against the round's questions. Skipped questions are allowed (an
 * honest "no answer" beats a forced one); at least one score or a comment is required.
 */
export function validateAnswer(
  questions: readonly Question[],
  submitted: Record<string, unknown>,
  freeTextEnabled: boolean,
  checkBackQuestions: readonly CheckBackQuestion[] = [],
): ValidAnswer {
  const scores: ValidAnswer['scores'] = [];
  for (const q of questions) {
    const score = scoreOf(submitted[q.id], q.text);
    if (score !== undefined) scores.push({ trait: q.trait, score });
  }
  const checkBacks: NonNullable<ValidAnswer['checkBacks']> = [];
  for (const q of checkBackQuestions) {
    const score = scoreOf(submitted[checkBackInput(q.id)], `Did “${q.title}” help?`);
    if (score !== undefined) checkBacks.push({ id: q.id, score });
  }
  const text = typeof submitted.freeText === 'string' ? submitted.freeText.trim() : '';
  if (text.length > MAX_FREE_TEXT) {
    throw new CheckinError('CHECKIN_INVALID_ANSWER', {
      problem: 'long',
      max: MAX_FREE_TEXT,
      length: text.length,
    });
  }
  if (scores.length === 0 && checkBacks.length === 0 && !text) {
    throw new CheckinError('CHECKIN_INVALID_ANSWER', { problem: 'empty' });
  }
  return {
    scores,
    ...(checkBacks.length ? { checkBacks } : {}),
    freeText: freeTextEnabled && text ? text : undefined,
  };
}

/** What one week's totals look like once read back from the store. */
export interface WeekTotals {
  week: string;
  answers: number;
  invited: number;
  sums: Partial<Record<TraitId, { sum: number; count: number }>>;
  recognitions: Record<string, number>;
  minGroupSize: number;
}

/** What a round leaves behind once it closes: the only check-in numbers anyone ever reads. */
export interface RoundResult {
  answers: number;
  invited: number;
  minGroupSize: number;
  sums: Partial<Record<TraitId, { sum: number; count: number }>>;
}

/**
 * A closed round's result as it may be kept: sums only when the round met its minimum, and only
 * for traits that did, so adding it to a week can never reveal fewer answers than the minimum.
 */
export function publishableResult(result: RoundResult): RoundResult {
  const minimum = Math.max(MIN_GROUP_FLOOR, result.minGroupSize);
  if (result.answers < minimum) return { ...result, sums: {} };
  const sums: RoundResult['sums'] = {};
  for (const t of TRAIT_IDS) {
    const s = result.sums[t];
    if (s && s.count >= minimum) sums[t] = s;
  }
  return { ...result, sums };
}

/** The check-back sums of a closed round that may be shown: those at least the minimum answered. */
export function publishableCheckBacks(
  result: Pick<RoundResult, 'answers' | 'minGroupSize'>,
  sums: Record<string, { sum: number; count: number }>,
): { id: string; sum: number; count: number }[] {
  const minimum = Math.max(MIN_GROUP_FLOOR, result.minGroupSize);
  if (result.answers < minimum) return [];
  return Object.entries(sums).flatMap(([id, s]) => (s.count >= minimum ? [{ id, ...s }] : []));
}

/**
 * A week's totals from the results of the rounds that closed in it. Rounds that did not meet
 * their minimum add nothing but the fact that they happened: two small rounds never add up to a
 * shown average. Results appear only when a round closes, so no number moves while one is open.
 */
export function weekTotalsFromRounds(
  week: string,
  results: RoundResult[],
  recognitions: Record<string, number>,
): WeekTotals {
  const met = results.filter((r) => r.answers >= Math.max(MIN_GROUP_FLOOR, r.minGroupSize));
  const counted = met.length > 0 ? met : results;
  const sums: WeekTotals['sums'] = {};
  for (const r of met) {
    for (const t of TRAIT_IDS) {
      const s = r.sums[t];
      if (!s) continue;
      const total = sums[t] ?? { sum: 0, count: 0 };
      sums[t] = { sum: total.sum + s.sum, count: total.count + s.count };
    }
  }
  return {
    week,
    answers: met.reduce((n, r) => n + r.answers, 0),
    invited: counted.reduce((n, r) => n + r.invited, 0),
    minGroupSize: Math.max(MIN_GROUP_FLOOR, ...results.map((r) => r.minGroupSize)),
    sums,
    recognitions,
  };
}

export type WeekHealth =
  | {
      week: string;
      status: 'ok';
      answers: number;
      participation: number | null;
      traits: { trait: TraitId; average: number; answers: number }[];
      recognitions: Record<string, number>;
    }
  | {
      week: string;
      status: 'insufficient';
      reason: string;
      recognitions: Record<string, number>;
    }
  | { week: string; status: 'no-round'; recognitions: Record<string, number> };

/**
 * Turns stored totals into what members may see. Below the minimum group size nothing but the
 * fact is returned; a trait answered by fewer than the minimum is left out for the same reason.
 */
export function weekHealth(totals: WeekTotals): WeekHealth {
  const recognitions = totals.recognitions;
  if (totals.answers === 0 && totals.invited === 0)
    return { week: totals.week, status: 'no-round', recognitions };
  const minimum = Math.max(MIN_GROUP_FLOOR, totals.minGroupSize);
  if (totals.answers < minimum) {
    return {
      week: totals.week,
      status: 'insufficient',
      reason: `Fewer than ${minimum} people answered, so nothing is shown to protect their anonymity.`,
      recognitions,
    };
  }
  const traits = TRAITS.flatMap((t) => {
    const s = totals.sums[t.id];
    if (!s || s.count < minimum) return [];
    return [{ trait: t.id, average: Math.round((s.sum / s.count) * 100) / 100, answers: s.count }];
  });
  return {
    week: totals.week,
    status: 'ok',
    answers: totals.answers,
    participation:
      totals.invited > 0
        ? Math.round((Math.min(totals.answers, totals.invited) / totals.invited) * 100) / 100
        : null,
    traits,
    recognitions,
  };
}

/** The last `count` ISO week keys ending with the week of `now`, oldest first. */
export function recentWeeks(now: Date, count: number, timeZone: string): string[] {
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i--)
    keys.push(isoWeekKey(new Date(now.getTime() - i * 7 * 86_400_000), timeZone));
  return keys;
}
