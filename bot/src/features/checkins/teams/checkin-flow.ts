import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { CheckinError } from '../domain/checkin';
import type { CheckinService } from '../checkin-service';
import type { InstallationRepository } from '../../../people/domain/installation';
import { CHECKIN_VERB, checkinCard, checkinDoneCard } from './cards/checkin-card';
import { conversationLabel } from '../../../platform/teams/cards/conversation-label';
import { commandText, startsWithCommand } from '../../../platform/teams/command-text';
import { conversationIdentity } from '../../../platform/teams/conversation-identity';
import { momentInZone } from '../../../platform/domain/zone-formatters';
import type { CardVerbHandler } from '../../../platform/teams/invoke-routing';
import { refusalText } from '../../../platform/i18n/refusal-text';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import type { Translate } from '../../../platform/i18n/messages';

const answerData = z
  .object({ roundId: z.string().min(1).max(400) })
  .catchall(z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]));

/** Check-ins in Teams: answering the card in place, and "checkin now" for leads. */
export function createCheckinFlow(deps: {
  checkins: CheckinService;
  installations: Pick<InstallationRepository, 'find'>;
}) {
  /** The card is answered in a 1:1 chat, so it names its team: see conversationLabel. */
  const placeOf = async (teamId: string, t: Translate) =>
    conversationLabel(await deps.installations.find(teamId), t);

  /** The card's "Send anonymously" (Action.Execute): records the answer, returns the card that replaces the form. */
  const answer: CardVerbHandler = async (context, data) => {
    const t = turnTranslator(context);
    const parsed = answerData.safeParse(data);
    if (!parsed.success) return checkinDoneCard(t('checkins.done.unreadable'), t);
    const member = context.activity.from.aadObjectId ?? context.activity.from.id;
    const { roundId, ...answers } = parsed.data;
    try {
      const { round, participation } = await deps.checkins.answer(roundId, member, answers);
      return checkinDoneCard(t('checkins.done.thanks'), t, {
        place: await placeOf(round.teamId, t),
        participation: { answered: participation, invited: round.invited },
      });
    } catch (err) {
      if (!(err instanceof CheckinError)) throw err;
      const round = await deps.checkins.round(roundId);
      const place = round && (await placeOf(round.teamId, t));
      if (round && place && err.code === 'CHECKIN_INVALID_ANSWER') {
        return checkinCard(round, place, t, { error: refusalText(t, err) });
      }
      return checkinDoneCard(refusalText(t, err), t, { place });
    }
  };

  return {
    cardVerbs: { [CHECKIN_VERB]: answer },

    /** "checkin now": a lead starts a round at once. Returns false when the text is something else. */
    async command(context: TurnContext): Promise<boolean> {
      if (!startsWithCommand(commandText(context.activity), 'commands.checkinNow.word'))
        return false;
      const t = turnTranslator(context);
      const identity = conversationIdentity(context.activity);
      if (!identity || identity.kind === 'personal') {
        await context.sendActivity(t('checkins.runNow.personal'));
        return true;
      }
      try {
        const { round, started } = await deps.checkins.runNow(
          identity.id,
          context.activity.from.aadObjectId ?? '',
        );
        const { settings } = await deps.checkins.settings(identity.id);
        const until = momentInZone(settings.cadence.timeZone, t.locale).format(round.closesAt);
        await context.sendActivity(
          started
            ? t('checkins.runNow.started', { invited: round.invited, until })
            : t('checkins.runNow.alreadyOpen', { until }),
        );
      } catch (err) {
        if (!(err instanceof CheckinError && err.code === 'NOT_A_LEAD')) throw err;
        await context.sendActivity(t('checkins.runNow.notLead'));
      }
      return true;
    },
  };
}

export type CheckinFlow = ReturnType<typeof createCheckinFlow>;
