import type { RosterMember } from '../../../../people/domain/installation';
import {
  adaptiveCard,
  textBlock,
  titleBlock,
  subtleBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { Translate } from '../../../../platform/i18n/messages';
import type { Circle, Talk } from '../../domain/interests';

/** "**Ana**, **Bo** and **Chen**", each name escaped, listed as the reader's language lists. */
function names(people: readonly RosterMember[], t: Translate): string {
  const bold = people.map((p) => `**${escapeCardText(p.name)}**`);
  return new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(bold);
}

const openUrl = (label: string, url: string | null) =>
  url ? [{ type: 'Action.OpenUrl', title: label, url }] : [];

/** "Introduce me": who else is in the circle, and a group chat with them. */
export function introductionCard(
  place: string,
  circle: Circle,
  others: readonly RosterMember[],
  chatLink: string | null,
  t: Translate,
): AdaptiveCard {
  return adaptiveCard(
    [
      titleBlock(t('interests.intro.title', { circle: escapeCardText(circle.label), place })),
      textBlock(t('interests.intro.text', { names: names(others, t), count: others.length })),
      ...(chatLink ? [] : [subtleBlock(t('interests.intro.noNames'))]),
    ],
    { actions: openUrl(t('interests.intro.startChat'), chatLink) },
  );
}

/** To the proposer, once: enough people would come, and a meeting form that invites them. */
export function talkWantedCard(
  place: string,
  talk: Talk,
  audience: readonly RosterMember[],
  meetingLink: string | null,
  t: Translate,
): AdaptiveCard {
  return adaptiveCard(
    [
      titleBlock(t('interests.talk.title')),
      textBlock(
        t('interests.talk.for', {
          title: escapeCardText(talk.title),
          circle: escapeCardText(talk.circleLabel),
          place,
        }),
      ),
      textBlock(t('interests.talk.audience', { names: names(audience, t) })),
    ],
    { actions: openUrl(t('interests.talk.schedule'), meetingLink) },
  );
}
