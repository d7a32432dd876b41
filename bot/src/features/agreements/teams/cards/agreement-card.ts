import { translator } from '../../../../platform/i18n/messages';
import { CATEGORY_LABELS } from '../../domain/agreement-categories';
import {
  MAX_OBJECTION,
  MIN_OBJECTION,
  standingObjections,
  type Agreement,
  type AgreementProposal,
} from '../../domain/agreement';
import { ruleText } from '../../domain/agreement-decision';
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const HEADINGS: Record<AgreementProposal['kind'], string> = {
  new: '📝 A new working agreement is proposed',
  change: '✏️ A change to one of our working agreements',
  retire: '🗄️ A proposal to retire one of our working agreements',
};

/** Where the proposal stands, in words; none of it is a member's text. */
export function proposalStatusText(state: ProposalState, agreement: Agreement): string {
  const { proposal: p, decision } = state;
  if (p.status === 'superseded') return 'Replaced by a newer proposal.';
  if (p.status === 'rejected') return 'Not adopted: the team did not endorse it.';
  if (p.status === 'adopted') {
    const how = p.ratifiedBy
      ? `Ratified by ${escapeCardText(p.ratifiedBy.name)} after the response window.`
      : 'Adopted by the team.';
    if (p.kind === 'retire') return `${how} The agreement is retired.`;
    return `${how} Now in force${agreement.reviewOn ? `; review on ${agreement.reviewOn}` : ''}.`;
  }
  if (decision.outcome === 'open' && decision.phase === 'awaiting-answers') {
    return 'The response window has ended. It is adopted as soon as every objection has an answer, or when a lead ratifies it.';
  }
  if (decision.outcome === 'open' && decision.phase === 'awaiting-lead') {
    return 'The response window has ended in a tie: a lead can ratify it.';
  }
  return `Open for responses until ${cardDateTime(p.closesAt, translator('en'))}.`;
}

export function tallyText(state: ProposalState): string {
  const { endorsements, objections, unansweredObjections } = state.tally;
  const parts = [
    `✅ ${plural(endorsements, 'endorses', 'endorse')}`,
    `✋ ${plural(objections, 'objects', 'object')}`,
  ];
  if (unansweredObjections > 0) {
    parts.push(
      `${plural(unansweredObjections, 'objection waits', 'objections wait')} for an answer`,
    );
  }
  return `${parts.join(' · ')} (of ${plural(state.rosterSize, 'member', 'members')})`;
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
  options: ProposalCardOptions = {},
): AdaptiveCard {
  const p = state.proposal;
  const content = p.content ?? agreement.content;
  const body: Element[] = [
    text(HEADINGS[p.kind], { weight: 'Bolder', size: 'Medium' }),
    text(
      `Proposed by ${escapeCardText(p.proposedBy.name)} · ${CATEGORY_LABELS[content.category]}`,
      { isSubtle: true, spacing: 'None' },
    ),
    text(escapeCardText(content.title), { weight: 'Bolder', size: 'Large' }),
    text(escapeCardText(content.text), p.kind === 'retire' ? { isSubtle: true } : {}),
  ];
  if (p.note) body.push(text(`Why: ${escapeCardText(p.note)}`, { isSubtle: true }));
  body.push(text(tallyText(state), { weight: 'Bolder', spacing: 'Medium' }));
  body.push(text(proposalStatusText(state, agreement), { spacing: 'None' }));

  const objections = objectionsBlock(p);
  if (objections) body.push(objections);
  body.push(text(`How we decide: ${ruleText(p.kind)}`, { isSubtle: true, size: 'Small' }));
  if (options.notice) body.push(text(options.notice, { color: 'Good', weight: 'Bolder' }));
  if (options.error) body.push(text(escapeCardText(options.error), { color: 'Attention' }));

  const voting = state.decision.outcome === 'open' && state.decision.phase === 'voting';
  const actions: Element[] = [];
  if (voting) {
    body.push(objectionInput());
    actions.push(...votingActions(p.id));
  }
  if (options.link) {
    actions.push({
      type: 'Action.OpenUrl',
      title: p.status === 'open' && !voting ? 'Answer or ratify in Rapport' : 'Open in Rapport',
      url: options.link,
    });
  }
  return adaptiveCard(body, {
    actions,
    msteams: { width: 'Full' },
    ...(p.status === 'open' ? { refresh: refreshWhileOpen(p.id) } : {}),
  });
}

/** Every standing objection with its answers, or nothing when there is none. */
function objectionsBlock(p: AgreementProposal): Element | undefined {
  const objections = standingObjections(p);
  if (objections.length === 0) return undefined;
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: objections.flatMap((o) => [
      text(`✋ ${escapeCardText(o.by.name)} objects: ${escapeCardText(o.reason)}`),
      ...(o.answers.length === 0
        ? [text('No answer yet.', { isSubtle: true, spacing: 'None' })]
        : o.answers.map((a) =>
            text(`↳ ${escapeCardText(a.by.name)}: ${escapeCardText(a.text)}`, {
              spacing: 'None',
            }),
          )),
    ]),
  };
}

function objectionInput(): Element {
  return {
    type: 'Input.Text',
    id: REASON_INPUT,
    label: `To object, say why (${MIN_OBJECTION}–${MAX_OBJECTION} characters)`,
    isMultiline: true,
    maxLength: MAX_OBJECTION,
  };
}

function votingActions(proposalId: string): Element[] {
  return [
    {
      type: 'Action.Execute',
      title: 'Endorse',
      verb: AGREEMENT_VERBS.endorse,
      data: { proposalId },
      associatedInputs: 'none',
      style: 'positive',
    },
    {
      type: 'Action.Execute',
      title: 'Object',
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
function refreshWhileOpen(proposalId: string) {
  return {
    action: {
      type: 'Action.Execute',
      title: 'Refresh',
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
export function reviewCard(agreement: Agreement, options: ReviewCardOptions): AdaptiveCard {
  const current = agreement.versions.find((v) => v.version === agreement.version);
  const body: Element[] = [
    text('🔁 Still keeping this?', { weight: 'Bolder', size: 'Medium' }),
    text(
      `Time to review one of our working agreements · ${CATEGORY_LABELS[agreement.content.category]}`,
      {
        isSubtle: true,
        spacing: 'None',
      },
    ),
    text(escapeCardText(agreement.content.title), { weight: 'Bolder', size: 'Large' }),
    text(escapeCardText(agreement.content.text)),
    text(
      [
        current
          ? `In force since ${cardDate(current.adoptedAt)} (version ${current.version}).`
          : '',
        agreement.reviewOn ? `Review due ${agreement.reviewOn}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      { isSubtle: true },
    ),
  ];
  if (options.outcome) body.push(text(options.outcome, { weight: 'Bolder', color: 'Good' }));
  if (options.error) body.push(text(escapeCardText(options.error), { color: 'Attention' }));
  const actions: Element[] = options.outcome
    ? [{ type: 'Action.OpenUrl', title: 'Open in Rapport', url: options.link }]
    : [
        {
          type: 'Action.Execute',
          title: 'Keep',
          verb: AGREEMENT_VERBS.keep,
          data: { agreementId: agreement.id, reviewOn: agreement.reviewOn },
          style: 'positive',
        },
        { type: 'Action.OpenUrl', title: 'Change', url: options.link },
        {
          type: 'Action.Execute',
          title: 'Retire',
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
): AdaptiveCard {
  const heading =
    proposal.kind === 'retire'
      ? '🗄️ Retired'
      : proposal.kind === 'change'
        ? `✏️ Updated (version ${agreement.version})`
        : '✅ Now one of our working agreements';
  const objections = standingObjections(proposal).length;
  const how = proposal.ratifiedBy
    ? `Ratified by ${escapeCardText(proposal.ratifiedBy.name)} after the response window` +
      (objections ? `, with ${plural(objections, 'objection', 'objections')} on record.` : '.')
    : 'Decided by the team.';
  const body: Element[] = [
    text(heading, { weight: 'Bolder', size: 'Medium' }),
    text(escapeCardText(agreement.content.title), { weight: 'Bolder', size: 'Large' }),
  ];
  if (proposal.kind !== 'retire') body.push(text(escapeCardText(agreement.content.text)));
  body.push(
    text(
      `${how}${proposal.kind !== 'retire' && agreement.reviewOn ? ` We review it on ${agreement.reviewOn}.` : ''}`,
      { isSubtle: true },
    ),
  );
  return adaptiveCard(body, {
    actions: [{ type: 'Action.OpenUrl', title: 'Open in Rapport', url: link }],
    msteams: { width: 'Full' },
  });
}

/** A short card when an action cannot be read or applied; the text is ours. */
export function agreementNoticeCard(message: string): AdaptiveCard {
  return adaptiveCard([text(message, { weight: 'Bolder' })]);
}
