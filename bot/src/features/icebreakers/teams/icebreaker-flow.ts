import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../../logger';
import type { TeamsEventHandler } from '../../../platform/feature';
import { isoDate, localDate } from '../../../platform/domain/zoned-time';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { afterCommand, commandText, startsWithCommand } from '../../../platform/teams/command-text';
import { refusalText } from '../../../platform/i18n/refusal-text';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import { weekdayAndTime } from '../../../platform/teams/weekday-words';
import type { Locale } from '../../../platform/domain/locales';
import type { MessageKey } from '../../../platform/i18n/catalogs';
import { translator, type Translate } from '../../../platform/i18n/messages';
import { conversationIdentity } from '../../../platform/teams/conversation-identity';
import { MEETING_START_EVENT } from '../../../platform/teams/incoming-activity';
import type { CardVerbHandler } from '../../../platform/teams/invoke-routing';
import { IcebreakerError } from '../domain/deck';
import { BUILT_IN_PROMPTS, type Prompt } from '../domain/prompts';
import type { IcebreakerService } from '../icebreaker-service';
import { ICEBREAKER_VERBS, icebreakerNoticeCard, promptCard } from './cards/icebreaker-cards';

/** As the edge checked it (incoming-activity.ts); only what is read here. */
const meetingStartValue = z.object({
  Id: z.string(),
  MeetingType: z.string(),
  StartTime: z.string(),
});
const hideData = z.object({ promptId: z.string().min(1).max(100) });

/** A channel post's thread is `<channel>;messageid=<id>`: the question starts a thread of its own. */
const channelOf = (conversationId: string) => conversationId.split(';')[0];

/**
 * Icebreakers in Teams: "@Rapport icebreaker" anywhere, "Another one" and "Hide this prompt" on
 * the card (the new card replaces the old one for everyone), a prompt when a meeting starts,
 * and "@Rapport question of the week" to schedule the weekly question in a channel.
 */
export function createIcebreakerFlow(deps: {
  icebreakers: IcebreakerService;
  /** The team's language: a prompt card in a shared conversation is read by everyone there. */
  teamLanguage: (teamId: string) => Promise<Locale>;
  logger: Logger;
}) {
  const { icebreakers, logger } = deps;

  /** Whose language a card here is in: the team's in its conversations, the writer's in 1:1. */
  const cardTranslator = async (context: TurnContext): Promise<Translate> => {
    const identity = conversationIdentity(context.activity);
    return !identity || identity.kind === 'personal'
      ? turnTranslator(context)
      : translator(await deps.teamLanguage(identity.id));
  };

  /** In a 1:1 chat there is no team deck: a built-in prompt at random, and no hiding. */
  const personalPrompt = (): Prompt =>
    BUILT_IN_PROMPTS[Math.floor(Math.random() * BUILT_IN_PROMPTS.length)];

  const nextCard = async (
    context: TurnContext,
    t: Translate,
    note?: MessageKey,
  ): Promise<AdaptiveCard> => {
    const identity = conversationIdentity(context.activity);
    const footnote = note && t(note);
    if (!identity || identity.kind === 'personal')
      return promptCard(personalPrompt(), 'chat', t, { note: footnote, hideable: false });
    try {
      return promptCard(await icebreakers.draw(identity.id), 'chat', t, { note: footnote });
    } catch (err) {
      if (err instanceof IcebreakerError) return icebreakerNoticeCard(refusalText(t, err), t);
      throw err;
    }
  };

  /** Replaces the card for everyone in the conversation; the invoke answer covers the presser. */
  const updateForAll = async (context: TurnContext, card: AdaptiveCard) => {
    const id = context.activity.replyToId;
    if (!id) return;
    try {
      await context.updateActivity({ id, type: 'message', attachments: [cardAttachment(card)] });
    } catch (err) {
      logger.warn('icebreaker card: could not update it for everyone', {
        activityId: context.activity.id,
        err,
      });
    }
  };

  const another: CardVerbHandler = async (context) => {
    const card = await nextCard(context, await cardTranslator(context));
    await updateForAll(context, card);
    return card;
  };

  const hidePrompt: CardVerbHandler = async (context, data) => {
    const identity = conversationIdentity(context.activity);
    const t = await cardTranslator(context);
    const parsed = hideData.safeParse(data);
    if (!identity || identity.kind === 'personal' || !parsed.success) return nextCard(context, t);
    try {
      await icebreakers.hide(identity.id, parsed.data.promptId);
    } catch (err) {
      if (err instanceof IcebreakerError) return icebreakerNoticeCard(refusalText(t, err), t);
      throw err;
    }
    const card = await nextCard(context, t, 'icebreakers.hidden');
    await updateForAll(context, card);
    return card;
  };

  const meetingStarted: TeamsEventHandler = async (context) => {
    const { activity } = context;
    const identity = conversationIdentity(activity);
    const value = meetingStartValue.safeParse(activity.value);
    if (!identity || !value.success) return;
    const channelData = (activity.channelData ?? {}) as { meeting?: { id?: unknown } };
    const meetingId =
      typeof channelData.meeting?.id === 'string' ? channelData.meeting.id : value.data.Id;
    const outcome = await icebreakers.meetingStarted({
      teamId: identity.id,
      conversationId: activity.conversation.id,
      meetingId,
      startTime: value.data.StartTime,
      meetingType: value.data.MeetingType,
    });
    logger.info('meeting started', { conversation: identity.id, icebreaker: outcome });
  };

  /** "question of the week [<day> <HH:MM> | off]": leads schedule it where they say it. */
  const weeklyCommand = async (context: TurnContext, args: string) => {
    const t = turnTranslator(context);
    const usage = t('icebreakers.weekly.usage');
    const identity = conversationIdentity(context.activity);
    if (!identity || identity.kind === 'personal') {
      await context.sendActivity(t('icebreakers.weekly.personal', { usage }));
      return;
    }
    const member = context.activity.from.aadObjectId ?? context.activity.from.id;
    const { weekly } = await icebreakers.weeklyQuestion(identity.id);
    let settings = { enabled: false, day: weekly.day, time: weekly.time };
    if (afterCommand(args, 'commands.off.word') === undefined) {
      const when = weekdayAndTime(args);
      if (!when) {
        await context.sendActivity(usage);
        return;
      }
      settings = { enabled: true, ...when };
    }
    try {
      await icebreakers.setWeeklyQuestion(
        identity.id,
        member,
        settings,
        channelOf(context.activity.conversation.id),
      );
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'NOT_A_LEAD') throw err;
      await context.sendActivity(t('icebreakers.weekly.notLead'));
      return;
    }
    const { nextAt, timeZone } = await icebreakers.weeklyQuestion(identity.id);
    await context.sendActivity(
      nextAt
        ? t('icebreakers.weekly.scheduled', {
            weekday: t(`common.weekday.${settings.day}`),
            time: settings.time,
            zone: timeZone,
            first: isoDate(localDate(nextAt, timeZone)),
          })
        : t('icebreakers.weekly.off'),
    );
  };

  return {
    cardVerbs: {
      [ICEBREAKER_VERBS.another]: another,
      [ICEBREAKER_VERBS.hide]: hidePrompt,
    } satisfies Record<string, CardVerbHandler>,

    teamsEvents: { [MEETING_START_EVENT]: meetingStarted } satisfies Record<
      string,
      TeamsEventHandler
    >,

    /** "icebreaker" posts a prompt card here; "question of the week …" schedules one. */
    async command(context: TurnContext): Promise<boolean> {
      const text = commandText(context.activity);
      const weekly = afterCommand(text, 'commands.questionOfTheWeek.word');
      if (weekly !== undefined) {
        await weeklyCommand(context, weekly);
        return true;
      }
      if (!startsWithCommand(text, 'commands.icebreaker.word')) return false;
      const card = await nextCard(context, await cardTranslator(context));
      await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
      return true;
    },
  };
}
