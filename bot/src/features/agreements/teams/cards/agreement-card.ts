import type { Translate } from '../../../../platform/i18n/messages';
import type { AgreementCategory } from '../../domain/agreement-categories';
import {
  MAX_OBJECTION,
  MIN_OBJECTION,
  standingObjections,
  type Agreement,
  type AgreementProposal,
} from '../../domain/agreement';
import { ruleText } from '../../agreement-wording';
import type { ProposalState } from '../../domain/agreement-ports';
import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { cardDate, cardDateTime } from '../../../../platform/teams/cards/card-time';
import { escapeCardText } from '../../../../platform/teams/cards/escape';

export const AGREEMENT_VERBS = {
  endorse: 'agreement.endorse',
  object: 'agreement.object',
  keep: 'agreement.keep',
  retire: 'agreement.retire',
  refresh: 'agreement.refresh',
} as const;

/** The reason input on a proposal card; its value comes with the Object action. */
export const REASON_INPUT = 'reason';

type Element = Record<string, unknown>;

const text = (value: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

const categoryName = (category: AgreementCategory, t: Translate) =>
  t(`agreements.category.${category}`);

/** Where the proposal stands, in words; none of it is a member's text. */
export function proposalStatusText(
  state: ProposalState,
  agreement: Agreement,
  t: Translate,
): string {
  const { proposal: p, decision } = state;
  if (p.status === 'superseded') return t('agreements.status.superseded');
  if (p.status === 'rejected') return t('agreements.status.rejected');
  if (p.status === 'adopted') {
    const how = p.ratifiedBy
      ? t('agreements.status.ratifiedBy', { name: escapeCardText(p.ratifiedBy.name) })
      : t('agreements.status.adoptedByTeam');
    if (p.kind === 'retire') return t('agreements.status.retired', { how });
    return agreement.reviewOn
      ? t('agreements.status.inForceReview', { how, date: agreement.reviewOn })
      : t('agreements.status.inForce', { how });
  }
  if (decision.outcome === 'open' && decision.phase === 'awaiting-answers') {
    return t('agreements.status.awaitingAnswers');
  }
  if (decision.outcome === 'open' && decision.phase === 'awaiting-lead') {
    return t('agreements.status.awaitingLead');
  }
  return t('agreements.status.open', { closes: cardDateTime(p.closesAt, t) });
}

export function tallyText(state: ProposalState, t: Translate): string {
  const { endorsements, objections, unansweredObjections } = state.tally;
  const parts = [
    t('agreements.tally.endorse', { count: endorsements }),
    t('agreements.tally.object', { count: objections }),
  ];
  if (unansweredObjections > 0) {
    parts.push(t('agreements.tally.waiting', { count: unansweredObjections }));
  }
  return t('agreements.tally.of', { parts: parts.join(' · '), members: state.rosterSize });
}

export interface ProposalCardOptions {
  /** Deep link to the agreement in the tab. */
  link?: string;
  /** A line for the member who just acted ("You endorsed this."). Our text, not theirs. */
  notice?: string;
  error?: string;
}

/**
 * A proposal in the team's channel: the wording, the rule, the tally and every standing
 * objection with its answers; Endorse and Object while the window is open.
 */
export function proposalCard(
  agreement: Agreement,
  state: ProposalState,
  t: Translate,
  options: ProposalCardOptions = {},
): AdaptiveCard {
  const p = state.proposal;
  const content = p.content ?? agreement.content;
  const body: Element[] = [
    text(t(`agreements.heading.${p.kind}`), { weight: 'Bolder', size: 'Medium' }),
    text(
      t('agreements.proposedBy', {
        name: escapeCardText(p.proposedBy.name),
        category: categoryName(content.category, t),
      }),
      { isSubtle: true, spacing: 'None' },
    ),
    text(escapeCardText(content.title), { weight: 'Bolder', size: 'Large' }),
    text(escapeCardText(content.text), p.kind === 'retire' ? { isSubtle: true } : {}),
  ];
  if (p.note)
    body.push(text(t('agreements.why', { note: escapeCardText(p.note) }), { isSubtle: true }));
  body.push(text(tallyText(state, t), { weight: 'Bolder', spacing: 'Medium' }));
  body.push(text(proposalStatusText(state, agreement, t), { spacing: 'None' }));

  const objections = objectionsBlock(p, t);
  if (objections) body.push(objections);
  body.push(
    text(t('agreements.howWeDecide', { rule: ruleText(p.kind, t) }), {
      isSubtle: true,
      size: 'Small',
    }),
  );
  if (options.notice) body.push(text(options.notice, { color: 'Good', weight: 'Bolder' }));
  if (options.error) body.push(text(escapeCardText(options.error), { color: 'Attention' }));

  const voting = state.decision.outcome === 'open' && state.decision.phase === 'voting';
  const actions: Element[] = [];
  if (voting) {
    body.push(objectionInput(t));
    actions.push(...votingActions(p.id, t));
  }
  if (options.link) {
    actions.push({
      type: 'Action.OpenUrl',
      title: t(
        p.status === 'open' && !voting
          ? 'agreements.action.answerInRapport'
          : 'agreements.action.open',
      ),
      url: options.link,
    });
  }
  return adaptiveCard(body, {
    actions,
    msteams: { width: 'Full' },
    ...(p.status === 'open' ? { refresh: refreshWhileOpen(p.id, t) } : {}),
  });
}

/** Every standing objection with its answers, or nothing when there is none. */
function objectionsBlock(p: AgreementProposal, t: Translate): Element | undefined {
  const objections = standingObjections(p);
  if (objections.length === 0) return undefined;
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: objections.flatMap((o) => [
      text(
        t('agreements.objection', {
          name: escapeCardText(o.by.name),
          reason: escapeCardText(o.reason),
        }),
      ),
      ...(o.answers.length === 0
        ? [text(t('agreements.noAnswer'), { isSubtle: true, spacing: 'None' })]
        : o.answers.map((a) =>
            text(`↳ ${escapeCardText(a.by.name)}: ${escapeCardText(a.text)}`, {
              spacing: 'None',
            }),
          )),
    ]),
  };
}

function objectionInput(t: Translate): Element {
  return {
    type: 'Input.Text',
    id: REASON_INPUT,
    label: t('agreements.objectLabel', { min: MIN_OBJECTION, max: MAX_OBJECTION }),
    isMultiline: true,
    maxLength: MAX_OBJECTION,
  };
}

function votingActions(proposalId: string, t: Translate): Element[] {
  return [
    {
      type: 'Action.Execute',
      title: t('agreements.action.endorse'),
      verb: AGREEMENT_VERBS.endorse,
      data: { proposalId },
      associatedInputs: 'none',
      style: 'positive',
    },
    {
      type: 'Action.Execute',
      title: t('agreements.action.object'),
      verb: AGREEMENT_VERBS.object,
      data: { proposalId },
    },
  ];
}

/**
 * Votes cast in the tab change the tally too. While the proposal is open, Teams asks for the
 * current card whenever someone views it (automatically in conversations of up to 60 people,
 * from the card's menu in bigger ones), so the channel never shows a stale tally.
 */
function refreshWhileOpen(proposalId: string, t: Translate) {
  return {
    action: {
      type: 'Action.Execute',
      title: t('agreements.action.refresh'),
      verb: AGREEMENT_VERBS.refresh,
      data: { proposalId },
    },
  };
}

export interface ReviewCardOptions {
  /** Deep link to the agreement in the tab, where it can be changed. */
  link: string;
  /** Replaces the buttons once someone answered, e.g. "Kept by Ana. Next review on …". */
  outcome?: string;
  error?: string;
}

/** "Still keeping this?" on an agreement's review date: Keep, Change (in the tab) or Retire. */
export function reviewCard(
  agreement: Agreement,
  t: Translate,
  options: ReviewCardOptions,
): AdaptiveCard {
  const current = agreement.versions.find((v) => v.version === agreement.version);
  const body: Element[] = [
    text(t('agreements.review.title'), { weight: 'Bolder', size: 'Medium' }),
    text(
      t('agreements.review.subtitle', {
        category: categoryName(agreement.content.category, t),
      }),
      { isSubtle: true, spacing: 'None' },
    ),
    text(escapeCardText(agreement.content.title), { weight: 'Bolder', size: 'Large' }),
    text(escapeCardText(agreement.content.text)),
    text(
      [
        current
          ? t('agreements.review.since', {
              date: cardDate(current.adoptedAt),
              version: current.version,
            })
          : '',
        agreement.reviewOn ? t('agreements.review.due', { date: agreement.reviewOn }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      { isSubtle: true },
    ),
  ];
  if (options.outcome) body.push(text(options.outcome, { weight: 'Bolder', color: 'Good' }));
  if (options.error) body.push(text(escapeCardText(options.error), { color: 'Attention' }));
  const actions: Element[] = options.outcome
    ? [{ type: 'Action.OpenUrl', title: t('agreements.action.open'), url: options.link }]
    : [
        {
          type: 'Action.Execute',
          title: t('agreements.action.keep'),
          verb: AGREEMENT_VERBS.keep,
          data: { agreementId: agreement.id, reviewOn: agreement.reviewOn },
          style: 'positive',
        },
        { type: 'Action.OpenUrl', title: t('agreements.action.change'), url: options.link },
        {
          type: 'Action.Execute',
          title: t('agreements.action.retire'),
          verb: AGREEMENT_VERBS.retire,
          data: { agreementId: agreement.id },
        },
      ];
  return adaptiveCard(body, { actions, msteams: { width: 'Full' } });
}

/** Posted when the team adopts, changes or retires an agreement. */
export function decisionCard(
  agreement: Agreement,
  proposal: AgreementProposal,
  link: string,
  t: Translate,
): AdaptiveCard {
  const heading =
    proposal.kind === 'retire'
      ? t('agreements.decision.retired')
      : proposal.kind === 'change'
        ? t('agreements.decision.updated', { version: agreement.version })
        : t('agreements.decision.adopted');
  const objections = standingObjections(proposal).length;
  const how = proposal.ratifiedBy
    ? t('agreements.decision.ratified', {
        name: escapeCardText(proposal.ratifiedBy.name),
        objections,
      })
    : t('agreements.decision.byTeam');
  const body: Element[] = [
    text(heading, { weight: 'Bolder', size: 'Medium' }),
    text(escapeCardText(agreement.content.title), { weight: 'Bolder', size: 'Large' }),
  ];
  if (proposal.kind !== 'retire') body.push(text(escapeCardText(agreement.content.text)));
  body.push(
    text(
      proposal.kind !== 'retire' && agreement.reviewOn
        ? t('agreements.decision.reviewOn', { how, date: agreement.reviewOn })
        : how,
      { isSubtle: true },
    ),
  );
  return adaptiveCard(body, {
    actions: [{ type: 'Action.OpenUrl', title: t('agreements.action.open'), url: link }],
    msteams: { width: 'Full' },
  });
}

/** A short card when an action cannot be read or applied; the text is ours. */
export function agreementNoticeCard(message: string): AdaptiveCard {
  return adaptiveCard([text(message, { weight: 'Bolder' })]);
}
