import { MessageFactory } from 'botbuilder';
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
      const installation = await deps.installations.find(teamId);
      const reference = installation?.reference as
        { serviceUrl?: unknown; conversation?: { id?: unknown } } | undefined;
      const serviceUrl = reference?.serviceUrl;
      const target = conversationId ?? reference?.conversation?.id;
      if (!installation?.active || typeof serviceUrl !== 'string' || typeof target !== 'string') {
        deps.logger.warn('icebreaker not posted: the app is not installed there any more', {
          key,
        });
        return false;
      }
      const t = translator(await deps.teamLanguage(teamId));
      await deps.enqueue([
        {
          key,
          // A shared conversation: no member, and the conversation is known (see proactive-port).
          target: {
            serviceUrl,
            tenantId: installation.tenantId,
            userId: '',
            aadObjectId: '',
            conversationId: target,
          },
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
