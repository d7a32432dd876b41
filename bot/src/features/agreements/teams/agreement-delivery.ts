import { MessageFactory } from 'botbuilder';
import type { AgreementDelivery } from '../domain/agreement-ports';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { decisionCard, proposalCard, reviewCard } from './cards/agreement-card';
import { agreementLink } from '../../../platform/teams/deep-links';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { sharedConversationTarget } from '../../../platform/jobs/proactive-port';
import type { Locale } from '../../../platform/domain/locales';
import { translator, type Translate } from '../../../platform/i18n/messages';

/**
 * Agreement cards go into the team's own conversation, in the team's language (the channel or group chat the app was
 * installed in), not to each member: the conversation id comes from the stored reference, so the
 * outbox sends straight into it without creating a 1:1 chat. Each key (what, and which
 * proposal or review date) makes every post a one-time message.
 */
export function createAgreementDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  teamsAppId: string;
  /** The team's language: agreement cards are posted for everyone. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}): AgreementDelivery {
  const post = async (teamId: string, key: string, cardIn: (t: Translate) => AdaptiveCard) => {
    const target = sharedConversationTarget(await deps.installations.find(teamId));
    if (!target) {
      deps.logger.warn(
        'agreement card not posted: the app is not installed in this team any more',
        {
          key,
        },
      );
      return;
    }
    const card = cardIn(translator(await deps.teamLanguage(teamId)));
    await deps.enqueue([
      {
        key,
        target,
        activity: { ...MessageFactory.attachment(cardAttachment(card)), type: 'message' },
      },
    ]);
  };
  const link = (teamId: string, agreementId: string, t: Translate) =>
    agreementLink(t, deps.teamsAppId, teamId, agreementId);

  return {
    postProposal: (agreement, state) =>
      post(agreement.teamId, `agreement-proposal|${state.proposal.id}`, (t) =>
        proposalCard(agreement, state, t, { link: link(agreement.teamId, agreement.id, t) }),
      ),
    postReview: (agreement) =>
      post(agreement.teamId, `agreement-review|${agreement.id}|${agreement.reviewOn ?? ''}`, (t) =>
        reviewCard(agreement, t, { link: link(agreement.teamId, agreement.id, t) }),
      ),
    postDecision: (agreement, proposal) =>
      post(agreement.teamId, `agreement-decision|${proposal.id}`, (t) =>
        decisionCard(agreement, proposal, link(agreement.teamId, agreement.id, t), t),
      ),
  };
}
