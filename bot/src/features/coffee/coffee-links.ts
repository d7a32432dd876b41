import { chatLink, meetingLink } from '../../platform/teams/deep-links';
import { starterFor } from './domain/coffee';
import type { MyMatch } from './coffee-service';

/** Teams names people in links by sign-in name: without everyone's, no link is offered. */
export function matchLinks(match: MyMatch) {
  const starter = starterFor(match.round.id, match.group);
  const names = match.partners.map((p) => p.userPrincipalName);
  const known = names.every((n): n is string => typeof n === 'string') && names.length > 0;
  return {
    starter,
    chatLink: known
      ? chatLink(names, `Hi! Rapport paired us for a virtual coffee. ${starter}`)
      : null,
    meetingLink: known ? meetingLink(names, 'Virtual coffee') : null,
  };
}
