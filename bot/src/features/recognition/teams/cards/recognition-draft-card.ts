import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import { howToRecognize } from '../recognition-hints';
import type { Translate } from '../../../../platform/i18n/messages';
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
  t: Translate,
): AdaptiveCard {
  const owner = escapeCardText(draft.ownerName);
  const open = {
    type: 'Action.Execute',
    title: t('recognition.draft.open'),
    verb: RECOGNITION_DRAFT_VERB,
    data: draft,
  };
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: t('recognition.draft.writing', { owner }),
        weight: 'Bolder',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: t('recognition.draft.onlyOwner', { owner }),
        isSubtle: true,
        wrap: true,
      },
    ],
    { actions: [open], refresh: { action: open, userIds: [ownerTeamsUserId] } },
  );
}

/** Shown to anyone but its owner who opens or sends someone else's draft. */
export function draftNotYoursCard(draft: ChatDraft, t: Translate): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: t('recognition.draft.notYours', { owner: escapeCardText(draft.ownerName) }),
      wrap: true,
      weight: 'Bolder',
    },
    {
      type: 'TextBlock',
      text: t('recognition.draft.yourself', { how: howToRecognize(t) }),
      wrap: true,
      isSubtle: true,
    },
  ]);
}

/** A form posted before drafts had an owner: nobody can tell whose it is, so nobody sends it. */
export function outdatedFormCard(t: Translate): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: t('recognition.draft.outdated'),
      wrap: true,
      weight: 'Bolder',
    },
    {
      type: 'TextBlock',
      text: t('recognition.draft.toRecognize', { how: howToRecognize(t) }),
      wrap: true,
      isSubtle: true,
    },
  ]);
}

/** Replaces the draft for everyone once it is posted, so nobody is left looking at a form. */
export function draftPostedCard(
  ownerName: string,
  recipientNames: readonly string[],
  t: Translate,
): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: t('recognition.draft.posted', {
        owner: escapeCardText(ownerName),
        recipients: escapeCardText(recipientNames.join(', ')),
      }),
      wrap: true,
    },
  ]);
}
