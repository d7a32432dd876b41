import { teamPath, type Api } from '../../api';
import { daysBetween, formatLocalDate, plural } from '../../dates';
import {
  AGREEMENT_CATEGORIES,
  CATEGORY_LABELS,
  type AgreementCategory,
} from '../../../../bot/src/features/agreements/domain/agreement-categories';
import type {
  AgreementProposal,
  AgreementSummary,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';

type AgreementStatus = AgreementSummary['status'];

/** The categories with their labels, in the order the view groups them (the API's order). */
export const CATEGORIES: readonly { id: AgreementCategory; label: string }[] =
  AGREEMENT_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] }));

/** A category's label, or the id itself for a category this build does not know. */
export const categoryLabel = (id: string): string =>
  Object.hasOwn(CATEGORY_LABELS, id) ? CATEGORY_LABELS[id as AgreementCategory] : id;

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  active: 'Active',
  proposed: 'Proposed',
  retired: 'Retired',
  declined: 'Not adopted',
};

/** The status filter's choices; `all` is the absence of `?status=`. */
export const STATUS_FILTERS: readonly { value: AgreementStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({
    value: value as AgreementStatus,
    label,
  })),
];

export const isStatus = (value: string | undefined): value is AgreementStatus =>
  value !== undefined && Object.hasOwn(STATUS_LABELS, value);

/** How many days before the review date the view starts asking "Still keeping this?". */
export const REVIEW_SOON_DAYS = 14;

export type ReviewState =
  { due: false } | { due: true; overdue: boolean; days: number; reviewOn: string };

/** Whether an active agreement's review is due: its date has passed or is within 14 days. */
export function reviewState(agreement: AgreementSummary, today: string): ReviewState {
  if (agreement.status !== 'active' || !agreement.reviewOn) return { due: false };
  const days = daysBetween(today, agreement.reviewOn);
  if (days > REVIEW_SOON_DAYS) return { due: false };
  return { due: true, overdue: days < 0, days, reviewOn: agreement.reviewOn };
}

export function reviewBadgeText(review: ReviewState & { due: true }): string {
  if (review.overdue) return 'Review overdue';
  if (review.days === 0) return 'Review due today';
  return `Review due in ${plural(review.days, 'day')}`;
}

export function proposalHeading(p: AgreementProposal): string {
  if (p.kind === 'change') return `Change proposed by ${p.proposedBy.name}`;
  if (p.kind === 'retire') return `Proposal to retire it, by ${p.proposedBy.name}`;
  return `Proposed by ${p.proposedBy.name}`;
}

export const PHASE_LABELS: Record<AgreementProposal['phase'], string> = {
  voting: 'Open for responses',
  'awaiting-answers': 'Waiting for answers to objections',
  'awaiting-lead': 'Waiting for a lead',
  decided: 'Decided',
};

/** The tally in words: counts only, as the API gives them. */
export function tallyText(p: AgreementProposal): string {
  const { endorsements, objections, unansweredObjections, members } = p.tally;
  const parts = [`${endorsements} of ${plural(members, 'member')} endorsed`];
  parts.push(
    objections === 0
      ? 'no objections'
      : `${plural(objections, 'objection')}${
          unansweredObjections ? ` (${unansweredObjections} unanswered)` : ''
        }`,
  );
  return parts.join(' · ');
}

/** What would settle an open proposal now, following the rule the API states. */
export function nextStepText(p: AgreementProposal): string | undefined {
  const { endorsements, unansweredObjections, members } = p.tally;
  if (p.phase === 'awaiting-answers')
    return 'The response window has ended. Answering every objection settles it; a lead can also ratify it.';
  if (p.phase === 'awaiting-lead')
    return 'The response window ended in a tie. A lead can ratify it, with the objections in view.';
  if (p.phase !== 'voting') return undefined;
  const needed = Math.floor(members / 2) + 1 - endorsements;
  if (unansweredObjections > 0)
    return 'An objection is waiting for an answer: the proposal cannot take effect until every objection has one.';
  if (needed > 0)
    return `${plural(needed, 'more endorsement')} ${needed === 1 ? 'settles' : 'settle'} it now; otherwise the responses at the deadline decide.`;
  return undefined;
}

/** What "Keep it" answers: the agreement (without its open proposal) and whether it was kept now. */
export type KeptAgreement = AgreementSummary & { kept: boolean };

/**
 * "Keep it" at a review: the next review moves on by the agreement's period. `reviewOn` is the
 * review being answered, so that a second click (or another member's) does not move it twice.
 */
export function keepAgreement(
  api: Api,
  teamId: string,
  id: string,
  reviewOn: string | null | undefined,
): Promise<KeptAgreement> {
  return api.send<KeptAgreement>(
    'POST',
    teamPath(teamId, `/agreements/${encodeURIComponent(id)}/review`),
    { decision: 'keep', reviewOn: reviewOn ?? undefined },
  );
}

/** What "Keep it" did, for the person who kept it and for screen readers. */
export function keptText(reviewOn: string | null | undefined, locale: string): string {
  return reviewOn
    ? `Kept. The next review is on ${formatLocalDate(reviewOn, locale)}.`
    : 'Kept. No next review date is set.';
}

/** The proposal a proposal action answered, without the agreement that comes with it. */
export function answeredProposal({
  agreement: _,
  ...proposal
}: ProposalWithAgreement): AgreementProposal {
  return proposal;
}

/** The agreement as the list shows it after a proposal action answered. */
export function afterAction(result: ProposalWithAgreement): AgreementSummary {
  const proposal = answeredProposal(result);
  return { ...result.agreement, openProposal: proposal.status === 'open' ? proposal : null };
}

/** What happened, for the person who acted and for screen readers. */
export function outcomeText(result: ProposalWithAgreement): string | undefined {
  if (result.status === 'adopted') {
    if (result.kind === 'retire') return `The team retired “${result.agreement.title}”.`;
    if (result.kind === 'change')
      return `The change took effect: “${result.agreement.title}” is now version ${result.agreement.version}.`;
    return `The team adopted “${result.agreement.title}”: it is now active.`;
  }
  if (result.status === 'rejected') return 'The proposal was not adopted.';
  return undefined;
}
