import { teamPath, type Api } from '../../api';
import { daysBetween, formatLocalDate } from '../../dates';
import type { MessageId, Translate } from '../../i18n/use-t';
import {
  AGREEMENT_CATEGORIES,
  type AgreementCategory,
} from '../../../../bot/src/features/agreements/domain/agreement-categories';
import type {
  AgreementProposal,
  AgreementSummary,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';

type AgreementStatus = AgreementSummary['status'];

const CATEGORY_KEYS: Record<AgreementCategory, MessageId> = {
  communication: 'tab.agreements.category.communication',
  meetings: 'tab.agreements.category.meetings',
  availability: 'tab.agreements.category.availability',
  feedback: 'tab.agreements.category.feedback',
  collaboration: 'tab.agreements.category.collaboration',
  connection: 'tab.agreements.category.connection',
  other: 'tab.agreements.category.other',
};

/** The categories with their labels, in the order the view groups them (the API's order). */
export const categories = (t: Translate): { id: AgreementCategory; label: string }[] =>
  AGREEMENT_CATEGORIES.map((id) => ({ id, label: t(CATEGORY_KEYS[id]) }));

/** A category's label, or the id itself for a category this build does not know. */
export const categoryLabel = (id: string, t: Translate): string =>
  Object.hasOwn(CATEGORY_KEYS, id) ? t(CATEGORY_KEYS[id as AgreementCategory]) : id;

const STATUS_KEYS: Record<AgreementStatus, MessageId> = {
  active: 'tab.agreements.status.active',
  proposed: 'tab.agreements.status.proposed',
  retired: 'tab.agreements.status.retired',
  declined: 'tab.agreements.status.declined',
};
const STATUSES = Object.keys(STATUS_KEYS) as AgreementStatus[];

export const statusLabel = (status: AgreementStatus, t: Translate): string =>
  t(STATUS_KEYS[status]);

/** The status filter's choices; `all` is the absence of `?status=`. */
export const statusFilters = (
  t: Translate,
): { value: AgreementStatus | 'all'; label: string }[] => [
  { value: 'all', label: t('tab.agreements.status.all') },
  ...STATUSES.map((value) => ({ value, label: statusLabel(value, t) })),
];

export const isStatus = (value: string | undefined): value is AgreementStatus =>
  value !== undefined && Object.hasOwn(STATUS_KEYS, value);

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

export function reviewBadgeText(review: ReviewState & { due: true }, t: Translate): string {
  if (review.overdue) return t('tab.agreements.review.overdue');
  return t('tab.agreements.review.dueIn', { count: review.days });
}

export function proposalHeading(p: AgreementProposal, t: Translate): string {
  const name = p.proposedBy.name;
  if (p.kind === 'change') return t('tab.agreements.proposal.headingChange', { name });
  if (p.kind === 'retire') return t('tab.agreements.proposal.headingRetire', { name });
  return t('tab.agreements.proposal.headingNew', { name });
}

const PHASE_KEYS: Record<AgreementProposal['phase'], MessageId> = {
  voting: 'tab.agreements.phase.voting',
  'awaiting-answers': 'tab.agreements.phase.awaitingAnswers',
  'awaiting-lead': 'tab.agreements.phase.awaitingLead',
  decided: 'tab.agreements.phase.decided',
};

export const phaseLabel = (phase: AgreementProposal['phase'], t: Translate): string =>
  t(PHASE_KEYS[phase]);

/** The tally in words: counts only, as the API gives them. */
export function tallyText(p: AgreementProposal, t: Translate): string {
  const { endorsements, objections, unansweredObjections, members } = p.tally;
  const endorsed = t('tab.agreements.tally.endorsed', { endorsements, members });
  const objected =
    objections === 0
      ? t('tab.agreements.tally.noObjections')
      : unansweredObjections
        ? t('tab.agreements.tally.objectionsUnanswered', {
            count: objections,
            unanswered: unansweredObjections,
          })
        : t('tab.agreements.tally.objections', { count: objections });
  return `${endorsed} · ${objected}`;
}

/** What would settle an open proposal now, following the rule the API states. */
export function nextStepText(p: AgreementProposal, t: Translate): string | undefined {
  const { endorsements, unansweredObjections, members } = p.tally;
  if (p.phase === 'awaiting-answers') return t('tab.agreements.next.awaitingAnswers');
  if (p.phase === 'awaiting-lead') return t('tab.agreements.next.awaitingLead');
  if (p.phase !== 'voting') return undefined;
  const needed = Math.floor(members / 2) + 1 - endorsements;
  if (unansweredObjections > 0) return t('tab.agreements.next.unanswered');
  if (needed > 0) return t('tab.agreements.next.needed', { count: needed });
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
export function keptText(
  reviewOn: string | null | undefined,
  locale: string,
  t: Translate,
): string {
  return reviewOn
    ? t('tab.agreements.kept', { date: formatLocalDate(reviewOn, locale) })
    : t('tab.agreements.keptNoReview');
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
export function outcomeText(result: ProposalWithAgreement, t: Translate): string | undefined {
  const { title, version } = result.agreement;
  if (result.status === 'adopted') {
    if (result.kind === 'retire') return t('tab.agreements.outcome.retired', { title });
    if (result.kind === 'change') return t('tab.agreements.outcome.changed', { title, version });
    return t('tab.agreements.outcome.adopted', { title });
  }
  if (result.status === 'rejected') return t('tab.agreements.outcome.rejected');
  return undefined;
}
