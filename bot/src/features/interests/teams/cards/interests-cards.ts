import type { RosterMember } from '../../../../people/domain/installation';
import {
  adaptiveCard,
  textBlock,
  titleBlock,
  subtleBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { Circle, Talk } from '../../domain/interests';

/** "**Ana**, **Bo** and **Chen**", each name escaped. */
function names(people: readonly RosterMember[]): string {
  const bold = people.map((p) => `**${escapeCardText(p.name)}**`);
  return bold.length < 2 ? bold.join('') : `${bold.slice(0, -1).join(', ')} and ${bold.at(-1)}`;
}

const openUrl = (label: string, url: string | null) =>
  url ? [{ type: 'Action.OpenUrl', title: label, url }] : [];

/** "Introduce me": who else is in the circle, and a group chat with them. */
export function introductionCard(
  place: string,
  circle: Circle,
  others: readonly RosterMember[],
  chatLink: string | null,
): AdaptiveCard {
  const label = escapeCardText(circle.label);
  const they = others.length === 1 ? 'shares' : 'share';
  return adaptiveCard(
    [
      titleBlock(`Your “${label}” circle in ${place}`),
      textBlock(`${names(others)} ${they} this interest with you. Say hello!`),
      ...(chatLink
        ? []
        : [subtleBlock('Teams gave Rapport no sign-in names for them: find them in Teams.')]),
    ],
    { actions: openUrl('Start a group chat', chatLink) },
  );
}

/** To the proposer, once: enough people would come, and a meeting form that invites them. */
export function talkWantedCard(
  place: string,
  talk: Talk,
  audience: readonly RosterMember[],
  meetingLink: string | null,
): AdaptiveCard {
  return adaptiveCard(
    [
      titleBlock(`People would come to your lightning talk`),
      textBlock(
        `**${escapeCardText(talk.title)}**, for the “${escapeCardText(talk.circleLabel)}” circle in ${place}.`,
      ),
      textBlock(
        `${names(audience)} said they would come. Pick 10 minutes that suit them: the link opens a new meeting that invites them.`,
      ),
    ],
    { actions: openUrl('Schedule 10 minutes', meetingLink) },
  );
}
