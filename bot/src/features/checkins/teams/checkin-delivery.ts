import { MessageFactory } from 'botbuilder';
import type { CheckinDelivery } from '../checkin-service';
import type { Round } from '../domain/checkin-ports';
import type { InstallationRepository, RosterMember } from '../../../people/domain/installation';
import type { Recipients } from '../../../people/personal-conversations';
import type { Logger } from '../../../logger';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import { checkinCard } from './cards/checkin-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { personalTargetsOf } from '../../../platform/jobs/proactive-port';
import { negotiateLocale, type Locale } from '../../../platform/domain/locales';
import { translator } from '../../../platform/i18n/messages';

/**
 * Check-in cards go to each member privately through the outbox, in the language their Teams
 * last sent (the team's language for someone who never wrote to the bot). The key (round +
 * member, and the kind of message) makes every card and every nudge a one-time message.
 */
export function createCheckinDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** Members who blocked the bot (Teams refuses to reach them), and each member's language. */
  recipients: (aadObjectIds: string[]) => Promise<Recipients>;
  /** The team's language setting. */
  teamLanguage: (teamId: string) => Promise<Locale | undefined>;
  logger: Logger;
}): CheckinDelivery {
  const send = async (kind: 'round' | 'nudge', round: Round, invited: RosterMember[]) => {
    const { unreachable, locales } = await deps.recipients(invited.map((m) => m.aadObjectId));
    const members = invited.filter((m) => !unreachable.has(m.aadObjectId));
    const installation = await deps.installations.find(round.teamId);
    const targetOf = personalTargetsOf(installation);
    if (!installation || !targetOf) {
      deps.logger.warn('check-in not sent: the app is not installed in this team any more', {
        round: round.id,
      });
      return;
    }
    const teamLanguage = await deps.teamLanguage(round.teamId);
    const cards = new Map<Locale, ReturnType<typeof MessageFactory.attachment>>();
    /** One card per language, built the first time a member reads that language. */
    const activityIn = (locale: Locale) => {
      let activity = cards.get(locale);
      if (!activity) {
        const t = translator(locale);
        const place = conversationLabel(installation, t);
        const card = checkinCard(round, place, t, { nudge: kind === 'nudge' });
        activity = MessageFactory.attachment(cardAttachment(card));
        cards.set(locale, activity);
      }
      return activity;
    };
    await deps.enqueue(
      members.map((m) => ({
        key: `${kind}|${round.id}|${m.aadObjectId}`,
        target: targetOf(m),
        activity: {
          ...activityIn(negotiateLocale(locales.get(m.aadObjectId), teamLanguage)),
          type: 'message',
        },
      })),
    );
  };
  return {
    sendRound: (round, members) => send('round', round, members),
    sendNudge: (round, members) => send('nudge', round, members),
  };
}
