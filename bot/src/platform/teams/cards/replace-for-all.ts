import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../../logger';
import { cardAttachment, type AdaptiveCard } from './adaptive-card';

/**
 * Replaces the card whose button was pressed, for everyone in the conversation (the invoke's own
 * answer replaces it for the person who pressed). A failure is logged as `what` and left at that:
 * the action itself has been done.
 */
export async function replaceCardForAll(
  context: TurnContext,
  card: AdaptiveCard,
  logger: Logger,
  what: string,
): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ id, type: 'message', attachments: [cardAttachment(card)] });
  } catch (err) {
    logger.warn(what, { activityId: context.activity.id, err });
  }
}
