import type { RosterMember } from '../../people/domain/installation';
import { groupChatLink, meetingLink } from '../../platform/teams/deep-links';
import type { Circle, Talk } from './domain/interests';
import type { Translate } from '../../platform/i18n/messages';

/** Teams links name people by sign-in name; whoever the roster has none for is left out. */
const signInNames = (people: readonly RosterMember[]) =>
  people.flatMap((p) => (p.userPrincipalName ? [p.userPrincipalName] : []));

/** A group chat with the circle's other members, named after the circle; null with nobody to name. */
export function circleChatLink(
  circle: Circle,
  others: readonly RosterMember[],
  t: Translate,
): string | null {
  const names = signInNames(others);
  return names.length
    ? groupChatLink(names, t('interests.link.chatTopic', { circle: circle.label }))
    : null;
}

/** A new meeting form inviting everyone who would come to the talk. */
export function talkMeetingLink(
  talk: Talk,
  audience: readonly RosterMember[],
  t: Translate,
): string | null {
  const names = signInNames(audience);
  return names.length
    ? meetingLink(names, t('interests.link.talkSubject', { title: talk.title }))
    : null;
}
