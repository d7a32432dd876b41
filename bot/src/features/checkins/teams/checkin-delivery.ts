import { MessageFactory } from 'botbuilder';
import type { CheckinDelivery } from '../checkin-service';
import type { Round } from '../domain/checkin-ports';
import type { InstallationRepository, RosterMember } from '../../../people/domain/installation';
import type { Logger } from '../../../logger';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import { checkinCard } from './cards/checkin-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import type { OutboxMessage } from '../../../platform/jobs/outbox';

/**
 * Check-in cards go to each member privately through the outbox. The key (round + member, and
 * the kind of message) makes every card and every nudge a one-time message.
 */
export function createCheckinDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** Members who blocked the bot: Teams refuses to reach them until they write to it again. */
  unreachableAmong: (aadObjectIds: string[]) => Promise<Set<string>>;
  logger: Logger;
}): CheckinDelivery {
  const send = async (kind: 'round' | 'nudge', round: Round, invited: RosterMember[]) => {
    const blocked = await deps.unreachableAmong(invited.map((m) => m.aadObjectId));
    const members = invited.filter((m) => !blocked.has(m.aadObjectId));
    const installation = await deps.installations.find(round.teamId);
    const serviceUrl = installation?.reference.serviceUrl;
    if (!installation?.active || typeof serviceUrl !== 'string') {
      deps.logger.warn('check-in not sent: the app is not installed in this team any more', {
        round: round.id,
      });
      return;
    }
    const card = checkinCard(round, conversationLabel(installation), { nudge: kind === 'nudge' });
    const activity = MessageFactory.attachment(cardAttachment(card));
    await deps.enqueue(
      members.map((m) => ({
        key: `${kind}|${round.id}|${m.aadObjectId}`,
        target: {
          serviceUrl,
          tenantId: installation.tenantId,
          userId: m.teamsUserId,
          aadObjectId: m.aadObjectId,
        },
        activity: { ...activity, type: 'message' },
      })),
    );
  };
  return {
    sendRound: (round, members) => send('round', round, members),
    sendNudge: (round, members) => send('nudge', round, members),
  };
}
