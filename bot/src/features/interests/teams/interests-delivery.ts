import { createHash } from 'node:crypto';
import { MessageFactory } from 'botbuilder';
import type { Logger } from '../../../logger';
import type { InstallationRepository, RosterMember } from '../../../people/domain/installation';
import type { OutboxMessage } from '../../../platform/jobs/outbox';
import { personalTargetsOf } from '../../../platform/jobs/proactive-port';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import type { InterestsDelivery } from '../domain/interests-ports';
import { circleChatLink, talkMeetingLink } from '../interests-links';
import { introductionCard, talkWantedCard } from './cards/interests-cards';
import type { Recipients } from '../../../people/personal-conversations';
import { negotiateLocale, type Locale } from '../../../platform/domain/locales';
import { translator, type Translate } from '../../../platform/i18n/messages';

/** A fixed-length key part from text people typed (tags) and long ids. */
const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);

/**
 * Circles' cards go to one member privately through the outbox, in their language; the key makes each a one-time
 * message: one introduction per circle as it stands (asking again before anyone joins or
 * leaves sends nothing new), one invitation per talk.
 */
export function createInterestsDelivery(deps: {
  installations: Pick<InstallationRepository, 'find'>;
  enqueue: (messages: OutboxMessage[]) => Promise<unknown>;
  /** The member's language, if their Teams ever sent one. */
  recipients: (aadObjectIds: string[]) => Promise<Recipients>;
  /** The team's language, for a member Rapport has not heard from yet. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}): InterestsDelivery {
  const send = async (
    teamId: string,
    key: string,
    member: RosterMember,
    cardFor: (place: string, t: Translate) => AdaptiveCard,
  ) => {
    const installation = await deps.installations.find(teamId);
    const targetOf = personalTargetsOf(installation);
    if (!installation || !targetOf) {
      deps.logger.warn('interests card not sent: the app is not installed there any more');
      return;
    }
    const { locales } = await deps.recipients([member.aadObjectId]);
    const t = translator(
      negotiateLocale(locales.get(member.aadObjectId), await deps.teamLanguage(teamId)),
    );
    const activity = MessageFactory.attachment(
      cardAttachment(cardFor(conversationLabel(installation, t), t)),
    );
    await deps.enqueue([
      {
        key,
        target: targetOf(member),
        activity: { ...activity, type: 'message' },
      },
    ]);
  };

  return {
    async introduce(teamId, requester, circle, others) {
      const circleNow = others.map((o) => o.aadObjectId).sort();
      const key = `interests-intro|${digest(teamId, circle.key, requester.aadObjectId, ...circleNow)}`;
      await send(teamId, key, requester, (place, t) =>
        introductionCard(place, circle, others, circleChatLink(circle, others, t), t),
      );
    },
    async talkWanted(teamId, proposer, talk, audience) {
      await send(teamId, `interests-talk|${digest(teamId, talk.id)}`, proposer, (place, t) =>
        talkWantedCard(place, talk, audience, talkMeetingLink(talk, audience, t), t),
      );
    },
  };
}
