import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import { HOW_TO_RECOGNIZE } from '../recognition-hints';
import type { ChatDraft, ChatDraftContent } from '../recognition-input';

/** Asks for the form of a draft posted in chat: its owner's refresh, or the Open button. */
export const RECOGNITION_DRAFT_VERB = 'recognize.draft';

/**
 * What everyone in the conversation sees of someone's unfinished recognition. Only its owner's
 * Teams swaps it for the form (the refresh names them alone); Open is there for clients that do
 * not refresh cards, and anyone else who presses it is told whose draft it is.
 */
export function draftPlaceholderCard(
  draft: ChatDraftContent,
  ownerTeamsUserId: string,
): AdaptiveCard {
  const open = {
    type: 'Action.Execute',
    title: 'Open the form',
    verb: RECOGNITION_DRAFT_VERB,
    data: draft,
  };
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: `✍️ ${escapeCardText(draft.ownerName)} is writing a recognition`,
        weight: 'Bolder',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: `Only ${escapeCardText(draft.ownerName)} can finish and send it.`,
        isSubtle: true,
        wrap: true,
      },
    ],
    { actions: [open], refresh: { action: open, userIds: [ownerTeamsUserId] } },
  );
}

/** Shown to anyone but its owner who opens or sends someone else's draft. */
export function draftNotYoursCard(draft: ChatDraft): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: `This recognition is ${escapeCardText(draft.ownerName)}’s draft: only they can finish and send it.`,
      wrap: true,
      weight: 'Bolder',
    },
    {
      type: 'TextBlock',
      text: `To recognize someone yourself, ${HOW_TO_RECOGNIZE}`,
      wrap: true,
      isSubtle: true,
    },
  ]);
}

/** A form posted before drafts had an owner: nobody can tell whose it is, so nobody sends it. */
export function outdatedFormCard(): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: 'This form is from an older version of Rapport and can’t be sent any more.',
      wrap: true,
      weight: 'Bolder',
    },
    {
      type: 'TextBlock',
      text: `To recognize someone, ${HOW_TO_RECOGNIZE}`,
      wrap: true,
      isSubtle: true,
    },
  ]);
}

/** Replaces the draft for everyone once it is posted, so nobody is left looking at a form. */
export function draftPostedCard(
  ownerName: string,
  recipientNames: readonly string[],
): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: `✅ ${escapeCardText(ownerName)} recognized ${escapeCardText(recipientNames.join(', '))}.`,
      wrap: true,
    },
  ]);
}
