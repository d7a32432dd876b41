import { tagLabel, type Person, type ValidRecognition } from '../../domain/recognition';
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

/** The card posted for a recognition; mentions only come from resolved people, never from typed text. */
export function recognitionCard(
  recognition: ValidRecognition,
  wallUrl: string,
  extra: Record<string, unknown> = {},
): AdaptiveCard {
  const recipients = recognition.recipients.map(mention);
  const label = tagLabel(recognition.tag);
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
        text: `${escapeCardText(recognition.sender.name)} recognized ${recipients.map((r) => r.text).join(', ')}`,
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
              text: `🤝 Living our agreement: ${escapeCardText(recognition.agreement.title)}`,
              wrap: true,
              isSubtle: true,
              spacing: 'Medium',
            },
          ]
        : []),
    ],
    {
      actions: [{ type: 'Action.OpenUrl', title: 'See the recognition wall', url: wallUrl }],
      msteams: { entities: recipients.map((r) => r.entity), width: 'Full' },
      ...extra,
    },
  );
}
