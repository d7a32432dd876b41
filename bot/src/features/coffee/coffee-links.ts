import { chatLink, meetingLink } from '../../platform/teams/deep-links';
import type { MessageKey } from '../../platform/i18n/catalogs';
import type { Translate } from '../../platform/i18n/messages';
import { starterFor } from './domain/coffee';
import type { MyMatch } from './coffee-service';

/**
 * Teams names people in links by sign-in name: without everyone's, no link is offered. The
 * starter and the chat's first words are in the reader's language.
 */
export function matchLinks(match: MyMatch, t: Translate) {
  const starter = t(`coffee.starter.${starterFor(match.round.id, match.group)}` as MessageKey);
  const names = match.partners.map((p) => p.userPrincipalName);
  const known = names.every((n): n is string => typeof n === 'string') && names.length > 0;
  return {
    starter,
    chatLink: known ? chatLink(names, t('coffee.link.chatMessage', { starter })) : null,
    meetingLink: known ? meetingLink(names, t('coffee.link.meetingTitle')) : null,
  };
}
