import { MessageFactory } from 'botbuilder';
import type { InstallationRepository, RosterMember } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import type { CoffeeDelivery } from '../coffee-service';
import { matchLinks } from '../coffee-links';
import { coffeeNoticeCard, introCard, inviteCard } from './cards/coffee-cards';

/**
 * Coffee's messages go to each member privately through the outbox; each key (what, which round
 * or team, whom) makes it a one-time message, so a round retried after a crash sends nobody a
 * second introduction and leaves nobody without one.
 */
export function createCoffeeDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  unreachableAmong: (aadObjectIds: string[]) => Promise<Set<string>>;
  /** The rhythm as words ("every 2 weeks on Tuesday at 10:00 (UTC)"), for the invitation. */
  rhythmOf: (teamId: string) => Promise<string>;
  logger: Logger;
}): CoffeeDelivery {
  const send = async (
    teamId: string,
    kind: string,
    members: RosterMember[],
    cardFor: (member: RosterMember, place: string) => AdaptiveCard | undefined,
  ) => {
    const installation = await deps.installations.find(teamId);
    const serviceUrl = installation?.reference.serviceUrl;
    if (!installation?.active || typeof serviceUrl !== 'string') {
      deps.logger.warn('coffee message not sent: the app is not installed there any more', {
        kind,
      });
      return;
    }
    const blocked = await deps.unreachableAmong(members.map((m) => m.aadObjectId));
    const place = conversationLabel(installation);
    const messages: OutboxMessage[] = [];
    for (const m of members) {
      const card = blocked.has(m.aadObjectId) ? undefined : cardFor(m, place);
      if (!card) continue;
      const activity = MessageFactory.attachment(cardAttachment(card));
      messages.push({
        key: `coffee-${kind}|${m.aadObjectId}`,
        target: {
          serviceUrl,
          tenantId: installation.tenantId,
          userId: m.teamsUserId,
          aadObjectId: m.aadObjectId,
        },
        activity: { ...activity, type: 'message' },
      });
    }
    if (messages.length) await deps.enqueue(messages);
  };

  return {
    async invite(teamId, members) {
      const rhythm = await deps.rhythmOf(teamId);
      await send(teamId, `invite|${teamId}`, members, (_, place) =>
        inviteCard(teamId, place, rhythm),
      );
    },
    async introduce(round, matches) {
      const members = [...matches.values()].map((m) => m.member);
      await send(round.teamId, `intro|${round.id}`, members, (m, place) => {
        const match = matches.get(m.aadObjectId);
        return match && match.partners.length > 0
          ? introCard(match, place, matchLinks(match))
          : undefined;
      });
    },
    async noPartner(teamId, key, members, reason) {
      const message =
        reason === 'alone'
          ? 'You are the only one who has joined virtual coffee here so far, so no round started this time. Invite a teammate to join from the Rapport tab.'
          : 'Rapport could not find a partner for you this round. You are still in, and the next round will try again.';
      await send(teamId, `none|${key}`, members, (_, place) => coffeeNoticeCard(place, message));
    },
    async paused(round, members) {
      const message =
        'Your last three coffee introductions went unanswered, so we paused virtual coffee for you: nobody will be waiting on you. Whenever you would like to come back, press "Join again".';
      await send(round.teamId, `paused|${round.id}`, members, (_, place) =>
        coffeeNoticeCard(place, message, round.teamId),
      );
    },
  };
}
