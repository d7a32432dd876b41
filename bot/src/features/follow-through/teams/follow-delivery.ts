import { MessageFactory } from 'botbuilder';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { sharedConversationTarget } from '../../../platform/jobs/proactive-port';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import type { FollowDelivery } from '../follow-service';
import { resultsCard } from './cards/results-card';
import type { Locale } from '../../../platform/domain/locales';
import { translator } from '../../../platform/i18n/messages';

/**
 * The results card goes into the team's own conversation (its channel or group chat), through
 * the outbox in the team's language under the key `follow-results|<round id>`: however often it is asked, one message.
 */
export function createFollowDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** The team's language: the results card is posted for everyone. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}): FollowDelivery {
  return {
    async postResults(round) {
      const target = sharedConversationTarget(await deps.installations.find(round.teamId));
      if (!target) {
        deps.logger.warn(
          'results card not posted: the app is not installed in this team any more',
          {
            round: round.id,
          },
        );
        return;
      }
      const t = translator(await deps.teamLanguage(round.teamId));
      await deps.enqueue([
        {
          key: `follow-results|${round.id}`,
          target,
          activity: {
            ...MessageFactory.attachment(cardAttachment(resultsCard(round, t))),
            type: 'message',
          },
        },
      ]);
    },
  };
}
