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
import { refusalText } from '../../../platform/i18n/refusal-text';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import type { Locale } from '../../../platform/domain/locales';
import { translator, type Translate } from '../../../platform/i18n/messages';

const proposalAction = z.object({
  proposalId: z.string().min(1).max(100),
  [REASON_INPUT]: z.string().max(5000).optional(),
});
const agreementAction = z.object({
  agreementId: z.string().min(1).max(100),
  reviewOn: z.string().max(20).optional(),
});

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
  /** The team's language: the card a button replaces is the channel's, read by everyone. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}) {
  const author = (context: TurnContext): Author => ({
    aadObjectId: context.activity.from.aadObjectId ?? context.activity.from.id,
    name: context.activity.from.name || turnTranslator(context)('recognition.fallbackName'),
  });
  const link = (teamId: string, agreementId: string, t: Translate) =>
    agreementLink(t, deps.teamsAppId, teamId, agreementId);

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
    const t = translator(await deps.teamLanguage(teamId));
    const parsed = proposalAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(t('agreements.notice.unreadable'));
    const { proposalId } = parsed.data;
    const me = author(context);
    try {
      const result =
        verb === AGREEMENT_VERBS.endorse
          ? await deps.agreements.endorse(teamId, proposalId, me)
          : await deps.agreements.object(teamId, proposalId, me, parsed.data[REASON_INPUT] ?? '');
      const to = link(teamId, result.agreement.id, t);
      await updateForAll(context, proposalCard(result.agreement, result, t, { link: to }));
      return proposalCard(result.agreement, result, t, {
        link: to,
        notice: t(
          verb === AGREEMENT_VERBS.endorse
            ? 'agreements.notice.endorsed'
            : 'agreements.notice.objected',
        ),
      });
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      if (err.code === 'AGREEMENT_PROPOSAL_NOT_FOUND')
        return agreementNoticeCard(refusalText(t, err));
      const current = await deps.agreements.proposal(teamId, proposalId);
      return proposalCard(current.agreement, current, t, {
        link: link(teamId, current.agreement.id, t),
        error: refusalText(t, err),
      });
    }
  };

  /** The card as it stands now, for a viewer whose Teams asks (the card's refresh clause). */
  const currentCard = async (teamId: string, data: unknown): Promise<AdaptiveCard> => {
    const t = translator(await deps.teamLanguage(teamId));
    const parsed = proposalAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(t('agreements.notice.unreadable'));
    try {
      const state = await deps.agreements.proposal(teamId, parsed.data.proposalId);
      return proposalCard(state.agreement, state, t, { link: link(teamId, state.agreement.id, t) });
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      return agreementNoticeCard(refusalText(t, err));
    }
  };

  const review = async (
    context: TurnContext,
    teamId: string,
    verb: string,
    data: unknown,
  ): Promise<AdaptiveCard> => {
    const t = translator(await deps.teamLanguage(teamId));
    const parsed = agreementAction.safeParse(data);
    if (!parsed.success) return agreementNoticeCard(t('agreements.notice.unreadable'));
    const { agreementId } = parsed.data;
    const to = link(teamId, agreementId, t);
    const me = author(context);
    try {
      let card: AdaptiveCard;
      if (verb === AGREEMENT_VERBS.keep) {
        const { agreement, kept } = await deps.agreements.keep(teamId, agreementId, me, {
          forReview: parsed.data.reviewOn,
        });
        const date = agreement.reviewOn ?? '';
        card = reviewCard(agreement, t, {
          link: to,
          outcome: kept
            ? t('agreements.notice.kept', { name: escapeCardText(me.name), date })
            : t('agreements.notice.alreadyKept', { date }),
        });
      } else {
        const proposed = await deps.agreements.proposeRetire(teamId, agreementId, me, {});
        card = reviewCard(proposed.agreement, t, {
          link: to,
          outcome: t('agreements.notice.retireProposed', { name: escapeCardText(me.name) }),
        });
      }
      await updateForAll(context, card);
      return card;
    } catch (err) {
      if (!(err instanceof AgreementError)) throw err;
      const { agreement } = await deps.agreements.get(teamId, agreementId).catch(() => ({
        agreement: undefined,
      }));
      if (!agreement || agreement.status !== 'active')
        return agreementNoticeCard(refusalText(t, err));
      return reviewCard(agreement, t, { link: to, error: refusalText(t, err) });
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
        return agreementNoticeCard(turnTranslator(context)('agreements.notice.teamOnly'));
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
