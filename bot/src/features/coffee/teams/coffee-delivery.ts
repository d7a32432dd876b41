import { MessageFactory } from 'botbuilder';
import type { InstallationRepository, RosterMember } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { personalTargetsOf } from '../../../platform/jobs/proactive-port';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import type { CoffeeDelivery } from '../coffee-service';
import { matchLinks } from '../coffee-links';
import { coffeeNoticeCard, introCard, inviteCard, rhythmText } from './cards/coffee-cards';
import type { CoffeeSettings } from '../domain/coffee';
import type { Recipients } from '../../../people/personal-conversations';
import { negotiateLocale, type Locale } from '../../../platform/domain/locales';
import { translator, type Translate } from '../../../platform/i18n/messages';

/**
 * Coffee's messages go to each member privately through the outbox, in their language; each key (what, which round
 * or team, whom) makes it a one-time message, so a round retried after a crash sends nobody a
 * second introduction and leaves nobody without one.
 */
export function createCoffeeDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** Members who blocked the bot (Teams refuses to reach them), and each member's language. */
  recipients: (aadObjectIds: string[]) => Promise<Recipients>;
  /** The team's language, for members Rapport has not heard from yet. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  /** The programme's rhythm and the team's zone, for the invitation. */
  rhythmOf: (teamId: string) => Promise<{ settings: CoffeeSettings; timeZone: string } | null>;
  logger: Logger;
}): CoffeeDelivery {
  /** Each member's card is built in their language (see createCheckinDelivery). */
  const send = async (
    teamId: string,
    kind: string,
    members: RosterMember[],
    cardFor: (member: RosterMember, place: string, t: Translate) => AdaptiveCard | undefined,
  ) => {
    const installation = await deps.installations.find(teamId);
    const targetOf = personalTargetsOf(installation);
    if (!installation || !targetOf) {
      deps.logger.warn('coffee message not sent: the app is not installed there any more', {
        kind,
      });
      return;
    }
    const { unreachable, locales } = await deps.recipients(members.map((m) => m.aadObjectId));
    const teamLanguage = await deps.teamLanguage(teamId);
    const messages: OutboxMessage[] = [];
    for (const m of members) {
      const t = translator(negotiateLocale(locales.get(m.aadObjectId), teamLanguage));
      const card = unreachable.has(m.aadObjectId)
        ? undefined
        : cardFor(m, conversationLabel(installation, t), t);
      if (!card) continue;
      const activity = MessageFactory.attachment(cardAttachment(card));
      messages.push({
        key: `coffee-${kind}|${m.aadObjectId}`,
        target: targetOf(m),
        activity: { ...activity, type: 'message' },
      });
    }
    if (messages.length) await deps.enqueue(messages);
  };

  return {
    async invite(teamId, members) {
      const rhythm = await deps.rhythmOf(teamId);
      await send(teamId, `invite|${teamId}`, members, (_, place, t) =>
        inviteCard(teamId, place, rhythm ? rhythmText(rhythm.settings, rhythm.timeZone, t) : '', t),
      );
    },
    async introduce(round, matches) {
      const members = [...matches.values()].map((m) => m.member);
      await send(round.teamId, `intro|${round.id}`, members, (m, place, t) => {
        const match = matches.get(m.aadObjectId);
        return match && match.partners.length > 0
          ? introCard(match, place, matchLinks(match, t), t)
          : undefined;
      });
    },
    async noPartner(teamId, key, members, reason) {
      const message = reason === 'alone' ? 'coffee.notice.alone' : 'coffee.notice.noPartner';
      await send(teamId, `none|${key}`, members, (_, place, t) =>
        coffeeNoticeCard(place, t(message), t),
      );
    },
    async paused(round, members) {
      await send(round.teamId, `paused|${round.id}`, members, (_, place, t) =>
        coffeeNoticeCard(place, t('coffee.notice.paused'), t, round.teamId),
      );
    },
  };
}
