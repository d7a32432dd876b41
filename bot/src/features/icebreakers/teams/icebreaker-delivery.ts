import { MessageFactory } from 'botbuilder';
import { sharedConversationTarget } from '../../../platform/jobs/proactive-port';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import type { IcebreakerDelivery } from '../domain/icebreaker-ports';
import { promptCard } from './cards/icebreaker-cards';
import type { Locale } from '../../../platform/domain/locales';
import { translator } from '../../../platform/i18n/messages';

/**
 * Prompt cards go into a shared conversation (a meeting's chat, a channel), in the team's
 * language, through the outbox:
 * the key (which meeting start, which week) makes each a one-time post.
 */
export function createIcebreakerDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** The team's language: a card posted for everyone reads in it. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}): IcebreakerDelivery {
  return {
    async post({ teamId, conversationId, key, prompt, kind }) {
      const target = sharedConversationTarget(
        await deps.installations.find(teamId),
        conversationId,
      );
      if (!target) {
        deps.logger.warn('icebreaker not posted: the app is not installed there any more', { key });
        return false;
      }
      const t = translator(await deps.teamLanguage(teamId));
      await deps.enqueue([
        {
          key,
          target,
          activity: {
            ...MessageFactory.attachment(cardAttachment(promptCard(prompt, kind, t))),
            type: 'message',
          },
        },
      ]);
      return true;
    },
  };
}
