import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { AgreementError, type Author } from '../domain/agreement';
import type { AgreementService } from '../agreement-service';
import type { Logger } from '../../../logger';
import type { AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { replaceCardForAll } from '../../../platform/teams/cards/replace-for-all';
import {
  AGREEMENT_VERBS,
  agreementNoticeCard,
  proposalCard,
  REASON_INPUT,
  reviewCard,
} from './cards/agreement-card';
import { escapeCardText } from '../../../platform/teams/cards/escape';
import { conversationIdentity } from '../../../platform/teams/conversation-identity';
import { agreementLink } from '../../../platform/teams/deep-links';
import type { CardVerbHandler } from '../../../platform/teams/invoke-routing';

const proposalAction = z.object({
  proposalId: z.string().min(1).max(100),
  [REASON_INPUT]: z.string().max(5000).optional(),
});
const agreementAction = z.object({
  agreementId: z.string().min(1).max(100),
  reviewOn: z.string().max(20).optional(),
});

const UNREADABLE = 'This card could not be read any more. Open Rapport to see the agreement.';

/**
 * Agreements in Teams: Endorse / Object on a proposal card, Keep / Retire on a review card. The
 * answer to each action is the updated card (Universal Actions), and the same card without the
 * personal line replaces the message for everyone, so the channel shows the current tally; an
 * open proposal's card also asks for its current state when viewed (votes cast in the tab).
 *
 * Long only as a factory: the card verbs' handlers, each short, sharing its deps.
 */
export function createAgreementFlow(deps: {
  agreements: AgreementService;
  teamsAppId: string;
  logger: Logger;
}) {
  const author = (context: TurnContext): Author => ({
    aadObjectId: context.activity.from.aadObjectId ?? context.activity.from.id,
    name: context.activity.from.name || 'A teammate',
  });
  const link = (teamId: string, agreementId: string) =>
    agreementLink(deps.teamsAppId, teamId, agreementId);

  const updateForAll = (context: TurnContext, card: AdaptiveCard) =>
    replaceCardForAll(
      context,
      card,
      deps.logger,
      'agreement card: could not update it for everyone',
    );

  const respond = async (
    context: TurnContext,
    teamId: string,
    verb: string,
    data: unknown,
  ): Promise<AdaptiveCard> => {
    const parsed = proposalAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(UNREADABLE);
    const { proposalId } = parsed.data;
    const me = author(context);
    try {
      const result =
        verb === AGREEMENT_VERBS.endorse
          ? await deps.agreements.endorse(teamId, proposalId, me)
          : await deps.agreements.object(teamId, proposalId, me, parsed.data[REASON_INPUT] ?? '');
      const to = link(teamId, result.agreement.id);
      await updateForAll(context, proposalCard(result.agreement, result, { link: to }));
      return proposalCard(result.agreement, result, {
        link: to,
        notice:
          verb === AGREEMENT_VERBS.endorse
            ? 'You endorse this.'
            : 'Your objection is on the card. The proposal cannot pass until someone answers it.',
      });
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      if (err.code === 'AGREEMENT_PROPOSAL_NOT_FOUND') return agreementNoticeCard(err.message);
      const current = await deps.agreements.proposal(teamId, proposalId);
      return proposalCard(current.agreement, current, {
        link: link(teamId, current.agreement.id),
        error: err.message,
      });
    }
  };

  /** The card as it stands now, for a viewer whose Teams asks (the card's refresh clause). */
  const currentCard = async (teamId: string, data: unknown): Promise<AdaptiveCard> => {
    const parsed = proposalAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(UNREADABLE);
    try {
      const state = await deps.agreements.proposal(teamId, parsed.data.proposalId);
      return proposalCard(state.agreement, state, { link: link(teamId, state.agreement.id) });
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      return agreementNoticeCard(err.message);
    }
  };

  const review = async (
    context: TurnContext,
    teamId: string,
    verb: string,
    data: unknown,
  ): Promise<AdaptiveCard> => {
    const parsed = agreementAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(UNREADABLE);
    const { agreementId } = parsed.data;
    const to = link(teamId, agreementId);
    const me = author(context);
    try {
      let card: AdaptiveCard;
      if (verb === AGREEMENT_VERBS.keep) {
        const { agreement, kept } = await deps.agreements.keep(teamId, agreementId, me, {
          forReview: parsed.data.reviewOn,
        });
        card = reviewCard(agreement, {
          link: to,
          outcome: kept
            ? `Kept by ${escapeCardText(me.name)}. Next review on ${agreement.reviewOn}.`
            : `Already kept. Next review on ${agreement.reviewOn}.`,
        });
      } else {
        const proposed = await deps.agreements.proposeRetire(teamId, agreementId, me, {});
        card = reviewCard(proposed.agreement, {
          link: to,
          outcome: `${escapeCardText(me.name)} proposed retiring it: respond on the proposal card.`,
        });
      }
      await updateForAll(context, card);
      return card;
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      const { agreement } = await deps.agreements.get(teamId, agreementId).catch(() => ({
        agreement: undefined,
      }));
      if (!agreement || agreement.status !== 'active') return agreementNoticeCard(err.message);
      return reviewCard(agreement, { link: to, error: err.message });
    }
  };

  /** Agreements belong to a team: every verb first finds the one the card was pressed in. */
  const inTeam =
    (
      handle: (context: TurnContext, teamId: string, data: unknown) => Promise<AdaptiveCard>,
    ): CardVerbHandler =>
    async (context, data) => {
      const team = conversationIdentity(context.activity);
      if (!team || team.kind === 'personal') {
        return agreementNoticeCard(
          'Working agreements belong to a team: act on them in its channel.',
        );
      }
      return handle(context, team.id, data);
    };

  return {
    /** Each answers with the card that replaces the one pressed. */
    cardVerbs: {
      [AGREEMENT_VERBS.endorse]: inTeam((c, teamId, data) =>
        respond(c, teamId, AGREEMENT_VERBS.endorse, data),
      ),
      [AGREEMENT_VERBS.object]: inTeam((c, teamId, data) =>
        respond(c, teamId, AGREEMENT_VERBS.object, data),
      ),
      [AGREEMENT_VERBS.keep]: inTeam((c, teamId, data) =>
        review(c, teamId, AGREEMENT_VERBS.keep, data),
      ),
      [AGREEMENT_VERBS.retire]: inTeam((c, teamId, data) =>
        review(c, teamId, AGREEMENT_VERBS.retire, data),
      ),
      [AGREEMENT_VERBS.refresh]: inTeam((_c, teamId, data) => currentCard(teamId, data)),
    },
  };
}

export type AgreementFlow = ReturnType<typeof createAgreementFlow>;
