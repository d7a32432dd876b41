import { MessageFactory } from 'botbuilder';
import type { AgreementDelivery } from '../domain/agreement-ports';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { decisionCard, proposalCard, reviewCard } from './cards/agreement-card';
import { agreementLink } from '../../../platform/teams/deep-links';
import type { OutboxMessage } from '../../../platform/jobs/outbox';

/**
 * Agreement cards go into the team's own conversation (the channel or group chat the app was
 * installed in), not to each member: the conversation id comes from the stored reference, so the
 * outbox sends straight into it without creating a 1:1 chat. Each key (what, and which
 * proposal or review date) makes every post a one-time message.
 */
export function createAgreementDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  teamsAppId: string;
  logger: Logger;
}): AgreementDelivery {
  const post = async (teamId: string, key: string, card: AdaptiveCard) => {
    const installation = await deps.installations.find(teamId);
    const reference = installation?.reference as
      { serviceUrl?: unknown; conversation?: { id?: unknown } } | undefined;
    const serviceUrl = reference?.serviceUrl;
    const conversationId = reference?.conversation?.id;
    if (
      !installation?.active ||
      typeof serviceUrl !== 'string' ||
      typeof conversationId !== 'string'
    ) {
      deps.logger.warn(
        'agreement card not posted: the app is not installed in this team any more',
        {
          key,
        },
      );
      return;
    }
    await deps.enqueue([
      {
        key,
        // A shared conversation: no member, and the conversation is known (see proactive-port).
        target: {
          serviceUrl,
          tenantId: installation.tenantId,
          userId: '',
          aadObjectId: '',
          conversationId,
        },
        activity: { ...MessageFactory.attachment(cardAttachment(card)), type: 'message' },
      },
    ]);
  };
  const link = (teamId: string, agreementId: string) =>
    agreementLink(deps.teamsAppId, teamId, agreementId);

  return {
    postProposal: (agreement, state) =>
      post(
        agreement.teamId,
        `agreement-proposal|${state.proposal.id}`,
        proposalCard(agreement, state, { link: link(agreement.teamId, agreement.id) }),
      ),
    postReview: (agreement) =>
      post(
        agreement.teamId,
        `agreement-review|${agreement.id}|${agreement.reviewOn ?? ''}`,
        reviewCard(agreement, { link: link(agreement.teamId, agreement.id) }),
      ),
    postDecision: (agreement, proposal) =>
      post(
        agreement.teamId,
        `agreement-decision|${proposal.id}`,
        decisionCard(agreement, proposal, link(agreement.teamId, agreement.id)),
      ),
  };
}
