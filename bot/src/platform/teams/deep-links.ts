import type { Translate } from '../i18n/messages';

/**
 * A Teams deep link that opens Rapport's personal tab on the recognition wall of a team; the
 * label Teams shows for the tab is in the card's language.
 */
export function recognitionWallLink(t: Translate, teamsAppId: string, teamId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `wall:${teamId}` }));
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/wall?label=${encodeURIComponent(t('tab.views.wall'))}&context=${context}`;
}

/** A Teams deep link that opens Rapport's tab on one of a team's working agreements. */
export function agreementLink(
  t: Translate,
  teamsAppId: string,
  teamId: string,
  agreementId: string,
): string {
  const context = encodeURIComponent(
    JSON.stringify({ subEntityId: `agreement:${teamId}:${agreementId}` }),
  );
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/wall?label=${encodeURIComponent(t('tab.views.agreements'))}&context=${context}`;
}

/** Teams' link that opens a chat with these people (by sign-in name), with a first message drafted. */
export function chatLink(userPrincipalNames: readonly string[], message: string): string {
  const users = userPrincipalNames.map(encodeURIComponent).join(',');
  return `https://teams.microsoft.com/l/chat/0/0?users=${users}&message=${encodeURIComponent(message)}`;
}

/** Teams' link that opens a new meeting form with these attendees (by sign-in name) and a subject. */
export function meetingLink(userPrincipalNames: readonly string[], subject: string): string {
  const attendees = userPrincipalNames.map(encodeURIComponent).join(',');
  return `https://teams.microsoft.com/l/meeting/new?subject=${encodeURIComponent(subject)}&attendees=${attendees}`;
}

/**
 * Teams' link that opens a group chat with these people (by sign-in name) named `topicName`;
 * with one person it opens your 1:1 chat, where Teams ignores the name.
 */
export function groupChatLink(userPrincipalNames: readonly string[], topicName: string): string {
  const users = userPrincipalNames.map(encodeURIComponent).join(',');
  return `https://teams.microsoft.com/l/chat/0/0?users=${users}&topicName=${encodeURIComponent(topicName)}`;
}
