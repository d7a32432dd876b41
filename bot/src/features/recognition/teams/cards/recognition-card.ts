import type { Person, RecognitionTag, ValidRecognition } from '../../domain/recognition';
import type { Translate } from '../../../../platform/i18n/messages';
import { traitName } from '../../../../platform/teams/trait-names';
import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import { tagIcon } from './trait-icons';

/** A Teams @mention of a person: markup for the text plus the entity that makes it real. */
function mention(person: Person) {
  const text = `<at>${escapeCardText(person.name)}</at>`;
  return {
    text,
    entity: {
      type: 'mention',
      text,
      mentioned: { id: person.teamsUserId ?? person.aadObjectId, name: person.name },
    },
  };
}

/** A tag as the reader names it: a trait in their language, a team's value as the team wrote it. */
export const tagName = (tag: RecognitionTag, t: Translate): string =>
  tag.kind === 'trait' ? traitName(t, tag.id) : tag.label;

/**
 * The card posted for a recognition, in `t`'s language; mentions only come from resolved people,
 * never from typed text, and the message is shown as its author wrote it.
 */
export function recognitionCard(
  recognition: ValidRecognition,
  wallUrl: string,
  t: Translate,
  extra: Record<string, unknown> = {},
): AdaptiveCard {
  const recipients = recognition.recipients.map(mention);
  const label = tagName(recognition.tag, t);
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: `${tagIcon(recognition.tag)} ${escapeCardText(label)}`,
        weight: 'Bolder',
        size: 'Medium',
        color: 'Accent',
      },
      {
        type: 'TextBlock',
        text: t('recognition.card.recognized', {
          sender: escapeCardText(recognition.sender.name),
          recipients: recipients.map((r) => r.text).join(', '),
        }),
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: escapeCardText(recognition.message),
        wrap: true,
        spacing: 'Medium',
      },
      ...(recognition.agreement
        ? [
            {
              type: 'TextBlock',
              text: t('recognition.card.agreement', {
                title: escapeCardText(recognition.agreement.title),
              }),
              wrap: true,
              isSubtle: true,
              spacing: 'Medium',
            },
          ]
        : []),
    ],
    {
      actions: [{ type: 'Action.OpenUrl', title: t('recognition.card.wall'), url: wallUrl }],
      msteams: { entities: recipients.map((r) => r.entity), width: 'Full' },
      ...extra,
    },
  );
}
