import { diffWordsWithSpace } from 'diff';
import { z } from 'zod';
import { plainIssues } from '../../../platform/domain/plain-issues';
import { DomainError } from '../../../platform/domain/domain-error';
import { plainText } from '../../../platform/domain/text-rules';
import { AGREEMENT_CATEGORIES, type AgreementCategory } from './agreement-categories';
import { agreementDecision, VOTING_WINDOW_DAYS, type Decision } from './agreement-decision';
import type { TraitId } from '../../../platform/domain/traits';
import {
  addDays,
  isoDate,
  localDate,
  zonedWallTimeToInstant,
} from '../../../platform/domain/zoned-time';

/**
 * Working agreements: the team's explicit norms, written and decided by the team. An agreement
 * changes only through a proposal (new, change or retire) that the members endorse or object to;
 * every adopted version is kept, with who proposed it and how it was decided.
 */

export const MAX_TITLE = 120;
export const MAX_TEXT = 2000;
export const MIN_OBJECTION = 5;
export const MAX_OBJECTION = 500;
export const MAX_ANSWER = 1000;
export const MAX_NOTE = 500;
export { VOTING_WINDOW_DAYS };
export const DEFAULT_REVIEW_DAYS = 90;
export const MIN_REVIEW_DAYS = 7;
export const MAX_REVIEW_DAYS = 365;
/** Review reminders go out at this local hour on the review date. */
export const REVIEW_HOUR = 9;

export type AgreementStatus = 'proposed' | 'active' | 'retired' | 'declined';
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'proposed',
  'active',
  'retired',
  'declined',
];

/** A member as agreements name them: proposals and objections are signed, never anonymous. */
export interface Author {
  aadObjectId: string;
  name: string;
}

/** Who an Author becomes once that person erased their data: named by the reader's catalog. */
export const FORMER_MEMBER_ID = 'former-member';

export interface AgreementContent {
  title: string;
  text: string;
  category: AgreementCategory;
}

export interface AgreementVersion extends AgreementContent {
  version: number;
  proposalId: string;
  proposedBy: Author;
  adoptedAt: Date;
  /** The team's responses decided it, or a lead ratified it after the window. */
  decidedBy: { kind: 'team' } | { kind: 'lead'; lead: Author };
}

export type AgreementEventKind =
  | 'proposed'
  | 'change-proposed'
  | 'retire-proposed'
  | 'adopted'
  | 'changed'
  | 'retired'
  | 'not-adopted'
  | 'superseded'
  | 'kept';

/** One line of an agreement's history: who did what, when. Responses are not events. */
export interface AgreementEvent {
  kind: AgreementEventKind;
  at: Date;
  by?: Author;
  proposalId?: string;
  version?: number;
  reviewOn?: string;
}

export interface Agreement {
  id: string;
  teamId: string;
  status: AgreementStatus;
  /** The adopted version's content; for a proposed agreement, the proposal's draft. */
  content: AgreementContent;
  /** The adopted version number; 0 until first adopted. */
  version: number;
  versions: AgreementVersion[];
  events: AgreementEvent[];
  templateId?: string;
  reviewAfterDays: number;
  /** The local date (YYYY-MM-DD, team's zone) when the team is asked "Still keeping this?". */
  reviewOn?: string;
  /** At most one proposal is open per agreement, so versions never fork. */
  openProposalId?: string;
  createdAt: Date;
  createdBy: Author;
  /** Bumped by every write; writes are conditional on it (optimistic concurrency). */
  revision: number;
}

export type ProposalKind = 'new' | 'change' | 'retire';
export type ProposalStatus = 'open' | 'adopted' | 'rejected' | 'superseded';

export interface ObjectionAnswer {
  id: string;
  by: Author;
  text: string;
}

/** An objection is signed and carries its reason: it needs an answer, not a count. */
export interface Objection {
  id: string;
  by: Author;
  reason: string;
  answers: ObjectionAnswer[];
  /** The objector endorsed (or objected again with a new reason) since. */
  withdrawn: boolean;
}

export interface AgreementProposal {
  id: string;
  teamId: string;
  agreementId: string;
  kind: ProposalKind;
  /** The proposed wording (new and change proposals). */
  content?: AgreementContent;
  /** The agreement version a change or retire proposal starts from. */
  baseVersion: number;
  reviewAfterDays?: number;
  note?: string;
  proposedBy: Author;
  createdAt: Date;
  closesAt: Date;
  /** Members who endorse it. No time is kept for any response: how fast someone responds is nobody's business. */
  endorsedBy: string[];
  objections: Objection[];
  status: ProposalStatus;
  /** Set by the scheduler when the window ends, so the decision does not wait for a reader. */
  votingClosed?: boolean;
  decidedAt?: Date;
  ratifiedBy?: Author;
  revision: number;
}

export type AgreementErrorCode =
  | 'AGREEMENT_INVALID'
  | 'AGREEMENT_UNKNOWN_TEMPLATE'
  | 'AGREEMENT_NOT_FOUND'
  | 'AGREEMENT_PROPOSAL_NOT_FOUND'
  | 'AGREEMENT_OBJECTION_NOT_FOUND'
  | 'AGREEMENT_NOT_ACTIVE'
  | 'AGREEMENT_PROPOSAL_OPEN'
  | 'AGREEMENT_PROPOSAL_DECIDED'
  | 'AGREEMENT_VOTING_CLOSED'
  | 'AGREEMENT_WINDOW_OPEN'
  | 'AGREEMENT_NO_CHANGE'
  | 'AGREEMENT_QUESTIONS_FULL'
  | 'AGREEMENT_OWN_OBJECTION'
  | 'AGREEMENT_OBJECTION_WITHDRAWN'
  | 'AGREEMENT_NOT_A_MEMBER'
  | 'NOT_A_LEAD';

export class AgreementError extends DomainError<AgreementErrorCode> {}

/** Plain text with simple formatting: line breaks and list lines are kept, nothing is rendered. */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Control characters (other than line breaks and tabs) have no place in a shared norm.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .split('\n')
      .map((line) => line.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** A title is one line: control characters and runs of spaces become one space. */
export function normalizeTitle(title: string): string {
  return (
    title
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * What a member writes in an agreement, its proposals and objections: at least `min` visible
 * characters (`short` says so), at most `max` (`keep the <what> to <max> characters`), normalized.
 */
const writtenText = (
  what: string,
  [min, max]: [number, number],
  short: string,
  normalize: (text: string) => string = normalizeText,
) =>
  plainText(min, max, { short, long: `keep the ${what} to ${max} characters` }).transform(
    normalize,
  );

export const titleSchema = writtenText(
  'title',
  [3, MAX_TITLE],
  'give the agreement a title of at least 3 characters',
  normalizeTitle,
);

export const textSchema = writtenText(
  'text',
  [10, MAX_TEXT],
  'say what the team agrees in at least 10 characters',
);

export const categorySchema = z.enum(AGREEMENT_CATEGORIES, {
  error: `must be one of ${AGREEMENT_CATEGORIES.join(', ')}`,
});

export const agreementContentSchema = z.object({
  title: titleSchema,
  text: textSchema,
  category: categorySchema,
});

export const reviewAfterDaysSchema = z
  .number()
  .int('must be a whole number of days')
  .min(MIN_REVIEW_DAYS, `must be ${MIN_REVIEW_DAYS}–${MAX_REVIEW_DAYS} days`)
  .max(MAX_REVIEW_DAYS, `must be ${MIN_REVIEW_DAYS}–${MAX_REVIEW_DAYS} days`)
  .meta({
    description: 'Days from adoption (or from a kept review) to the next "Still keeping this?"',
  });

export const noteSchema = writtenText('note', [0, MAX_NOTE], 'write a note').meta({
  description: 'Why: shown with the proposal',
});

export const objectionReasonSchema = writtenText(
  'reason',
  [MIN_OBJECTION, MAX_OBJECTION],
  `an objection needs a reason of at least ${MIN_OBJECTION} characters`,
);

export const answerTextSchema = writtenText('answer', [2, MAX_ANSWER], 'write an answer');

/** Parses with a schema, or throws AGREEMENT_INVALID naming each bad field. */
export function parseAgreementInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field?: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AgreementError('AGREEMENT_INVALID', {
    problem: 'input',
    detail: plainIssues(parsed.error.issues, field),
  });
}

// ——— Responses ———————————————————————————————————————————————————————————————

export const standingObjections = (p: AgreementProposal): Objection[] =>
  p.objections.filter((o) => !o.withdrawn);

export const isAnswered = (o: Objection): boolean => o.answers.length > 0;

/** What the member's one response is now: endorse, object, or none. */
export function responseOf(p: AgreementProposal, member: string): 'endorse' | 'object' | null {
  if (p.endorsedBy.includes(member)) return 'endorse';
  return standingObjections(p).some((o) => o.by.aadObjectId === member) ? 'object' : null;
}

export interface Tally {
  endorsements: number;
  objections: number;
  unansweredObjections: number;
}

export function tally(p: AgreementProposal): Tally {
  const standing = standingObjections(p);
  return {
    endorsements: p.endorsedBy.length,
    objections: standing.length,
    unansweredObjections: standing.filter((o) => !isAnswered(o)).length,
  };
}

export const votingOver = (p: AgreementProposal, now: Date): boolean =>
  Boolean(p.votingClosed) || now.getTime() >= p.closesAt.getTime();

/** Where the proposal stands for a roster of this size at `now`. */
export function decisionOf(p: AgreementProposal, rosterSize: number, now: Date): Decision {
  if (p.status === 'adopted') return { outcome: 'adopted' };
  if (p.status !== 'open') return { outcome: 'rejected', reason: 'no-majority' };
  return agreementDecision({
    ...tally(p),
    rosterSize,
    closesAt: p.closesAt,
    now,
    votingClosed: p.votingClosed,
  });
}

/** Refuses a response when the proposal is decided or its window has ended. */
function assertVoting(p: AgreementProposal, now: Date): void {
  if (p.status !== 'open') {
    throw new AgreementError('AGREEMENT_PROPOSAL_DECIDED');
  }
  if (votingOver(p, now)) {
    throw new AgreementError('AGREEMENT_VOTING_CLOSED');
  }
}

const withdrawOwn = (objections: Objection[], member: string): Objection[] =>
  objections.map((o) =>
    o.by.aadObjectId === member && !o.withdrawn ? { ...o, withdrawn: true } : o,
  );

/** The member endorses; an objection they made is withdrawn. One response per member. */
export function endorse(p: AgreementProposal, member: Author, now: Date): AgreementProposal {
  assertVoting(p, now);
  if (responseOf(p, member.aadObjectId) === 'endorse') return p;
  return {
    ...p,
    endorsedBy: [...p.endorsedBy, member.aadObjectId],
    objections: withdrawOwn(p.objections, member.aadObjectId),
  };
}

/**
 * The member objects, with a reason: it replaces their endorsement, or their earlier objection
 * (which stays visible as withdrawn, with its answers).
 */
export function object(
  p: AgreementProposal,
  member: Author,
  reason: string,
  id: string,
  now: Date,
): AgreementProposal {
  assertVoting(p, now);
  const text = parseAgreementInput(objectionReasonSchema, reason, 'reason');
  const current = standingObjections(p).find((o) => o.by.aadObjectId === member.aadObjectId);
  if (current && current.reason === text) return p;
  return {
    ...p,
    endorsedBy: p.endorsedBy.filter((m) => m !== member.aadObjectId),
    objections: [
      ...withdrawOwn(p.objections, member.aadObjectId),
      { id, by: member, reason: text, answers: [], withdrawn: false },
    ],
  };
}

/**
 * Any member but the objector answers an objection (typically the proposer). Answers stay
 * possible after the window, until the proposal is decided: that is how a blocked proposal moves.
 */
export function answerObjection(
  p: AgreementProposal,
  objectionId: string,
  by: Author,
  text: string,
  id: string,
): AgreementProposal {
  if (p.status !== 'open') {
    throw new AgreementError('AGREEMENT_PROPOSAL_DECIDED');
  }
  const objection = p.objections.find((o) => o.id === objectionId);
  if (!objection) {
    throw new AgreementError('AGREEMENT_OBJECTION_NOT_FOUND');
  }
  if (objection.withdrawn) {
    throw new AgreementError('AGREEMENT_OBJECTION_WITHDRAWN');
  }
  if (objection.by.aadObjectId === by.aadObjectId) {
    throw new AgreementError('AGREEMENT_OWN_OBJECTION');
  }
  const answer = parseAgreementInput(answerTextSchema, text, 'text');
  return {
    ...p,
    objections: p.objections.map((o) =>
      o.id === objectionId ? { ...o, answers: [...o.answers, { id, by, text: answer }] } : o,
    ),
  };
}

/** Applies a settled decision to an open proposal; unchanged while it is still open. */
export function settleProposal(
  p: AgreementProposal,
  decision: Decision,
  at: Date,
): AgreementProposal {
  if (p.status !== 'open' || decision.outcome === 'open') return p;
  return { ...p, status: decision.outcome, decidedAt: at };
}

/**
 * A lead adopts a proposal the rule left undecided after the window: endorsements outnumber
 * objections but some are unanswered, or a tie. The objections stay on the record.
 */
export function ratify(
  p: AgreementProposal,
  lead: Author,
  isLead: boolean,
  decision: Decision,
  at: Date,
): AgreementProposal {
  if (!isLead) {
    throw new AgreementError('NOT_A_LEAD', { action: 'ratify' });
  }
  if (p.status !== 'open' || decision.outcome !== 'open') {
    throw new AgreementError('AGREEMENT_PROPOSAL_DECIDED');
  }
  if (decision.phase === 'voting') {
    throw new AgreementError('AGREEMENT_WINDOW_OPEN', { days: VOTING_WINDOW_DAYS });
  }
  return { ...p, status: 'adopted', decidedAt: at, ratifiedBy: lead };
}

// ——— Versions and reviews ——————————————————————————————————————————————————————

export interface WordChange {
  value: string;
  added?: true;
  removed?: true;
}

/** Word-level difference (whitespace and line breaks kept, so both texts can be rebuilt). */
export function wordDiff(before: string, after: string): WordChange[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true as const } : {}),
    ...(c.removed ? { removed: true as const } : {}),
  }));
}

export interface ContentDiff {
  title: WordChange[];
  text: WordChange[];
  category: { from: AgreementCategory; to: AgreementCategory } | null;
}

export function contentDiff(before: AgreementContent, after: AgreementContent): ContentDiff {
  return {
    title: wordDiff(before.title, after.title),
    text: wordDiff(before.text, after.text),
    category:
      before.category === after.category ? null : { from: before.category, to: after.category },
  };
}

export const sameContent = (a: AgreementContent, b: AgreementContent): boolean =>
  a.title === b.title && a.text === b.text && a.category === b.category;

/** The local review date `days` after `at` in the team's zone. */
export function reviewDate(at: Date, days: number, timeZone: string): string {
  return isoDate(addDays(localDate(at, timeZone), days));
}

/** The instant of a review date's reminder: 09:00 on that date in the team's zone. */
export function reviewInstant(reviewOn: string, timeZone: string): Date {
  const [year, month, day] = reviewOn.split('-').map(Number);
  return zonedWallTimeToInstant({ year, month, day, hour: REVIEW_HOUR, minute: 0 }, timeZone);
}

// ——— Check-in questions ———————————————————————————————————————————————————————

const TRAIT_BY_CATEGORY: Record<AgreementCategory, TraitId> = {
  communication: 'psychological-safety',
  feedback: 'psychological-safety',
  availability: 'dependability',
  collaboration: 'dependability',
  meetings: 'structure-clarity',
  connection: 'meaning',
  other: 'structure-clarity',
};

/**
 * The check-in question that asks whether the team keeps an agreement, worded by `ask` (the
 * catalog's, in the team's language) around the agreement's title.
 */
export function checkinQuestionFor(
  agreement: Pick<Agreement, 'id' | 'content'>,
  ask: (title: string) => string,
) {
  const title = agreement.content.title.replace(/[.!?]+$/, '');
  return {
    id: `agreement-${agreement.id
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()
      .slice(0, 12)}`,
    trait: TRAIT_BY_CATEGORY[agreement.content.category],
    text: ask(title),
  };
}

// ——— Applying a decided proposal to its agreement ————————————————————————————————

const DECISION_EVENTS: ReadonlySet<AgreementEventKind> = new Set([
  'adopted',
  'changed',
  'retired',
  'not-adopted',
  'superseded',
]);

/** Whether the proposal's outcome is already part of the agreement (applying is idempotent). */
export const isApplied = (a: Agreement, p: AgreementProposal): boolean =>
  a.events.some((e) => e.proposalId === p.id && DECISION_EVENTS.has(e.kind));

/**
 * The agreement after a decided proposal: a new version (with a fresh review date in the team's
 * zone), retirement, or — when not adopted — the same agreement with the outcome in its history.
 */
export function applyProposal(a: Agreement, p: AgreementProposal, timeZone: string): Agreement {
  if (p.status === 'open' || isApplied(a, p)) return a;
  const at = p.decidedAt ?? p.closesAt;
  const base: Agreement = {
    ...a,
    openProposalId: a.openProposalId === p.id ? undefined : a.openProposalId,
    revision: a.revision + 1,
  };
  const by = p.ratifiedBy ? { by: p.ratifiedBy } : {};
  if (p.status === 'adopted' && p.kind === 'retire') {
    return {
      ...base,
      status: 'retired',
      reviewOn: undefined,
      events: [...a.events, { kind: 'retired', at, proposalId: p.id, ...by }],
    };
  }
  if (p.status === 'adopted' && p.content) {
    const version = a.version + 1;
    const reviewAfterDays = p.reviewAfterDays ?? a.reviewAfterDays;
    const reviewOn = reviewDate(at, reviewAfterDays, timeZone);
    return {
      ...base,
      status: 'active',
      content: p.content,
      version,
      reviewAfterDays,
      reviewOn,
      versions: [
        ...a.versions,
        {
          ...p.content,
          version,
          proposalId: p.id,
          proposedBy: p.proposedBy,
          adoptedAt: at,
          decidedBy: p.ratifiedBy ? { kind: 'lead', lead: p.ratifiedBy } : { kind: 'team' },
        },
      ],
      events: [
        ...a.events,
        {
          kind: p.kind === 'new' ? 'adopted' : 'changed',
          at,
          proposalId: p.id,
          version,
          reviewOn,
          ...by,
        },
      ],
    };
  }
  return {
    ...base,
    status: p.kind === 'new' && a.status === 'proposed' ? 'declined' : a.status,
    events: [
      ...a.events,
      { kind: p.status === 'superseded' ? 'superseded' : 'not-adopted', at, proposalId: p.id },
    ],
  };
}

/** The content a change or retire proposal started from. */
export function baseContent(a: Agreement, p: AgreementProposal): AgreementContent | undefined {
  return (
    a.versions.find((v) => v.version === p.baseVersion) ?? (a.version === 0 ? undefined : a.content)
  );
}
