import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../../logger';
import type { TeamsEventHandler } from '../../../platform/feature';
import { WEEKDAYS, type Weekday } from '../../../platform/domain/weekly-rhythm';
import { isoDate, localDate } from '../../../platform/domain/zoned-time';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { commandText } from '../../../platform/teams/command-text';
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

const WEEKLY_COMMAND = /^question of the week\b\s*(.*)$/i;
const WEEKLY_USAGE =
  'Say `@Rapport question of the week friday 15:00` in the channel where it should appear (the team’s time zone), or `@Rapport question of the week off`.';

/** A channel post's thread is `<channel>;messageid=<id>`: the question starts a thread of its own. */
const channelOf = (conversationId: string) => conversationId.split(';')[0];

/**
 * Icebreakers in Teams: "@Rapport icebreaker" anywhere, "Another one" and "Hide this prompt" on
 * the card (the new card replaces the old one for everyone), a prompt when a meeting starts,
 * and "@Rapport question of the week" to schedule the weekly question in a channel.
 */
export function createIcebreakerFlow(deps: { icebreakers: IcebreakerService; logger: Logger }) {
  const { icebreakers, logger } = deps;

  /** In a 1:1 chat there is no team deck: a built-in prompt at random, and no hiding. */
  const personalPrompt = (): Prompt =>
    BUILT_IN_PROMPTS[Math.floor(Math.random() * BUILT_IN_PROMPTS.length)];

  const nextCard = async (context: TurnContext, note?: string): Promise<AdaptiveCard> => {
    const identity = conversationIdentity(context.activity);
    if (!identity || identity.kind === 'personal')
      return promptCard(personalPrompt(), 'chat', { note, hideable: false });
    try {
      return promptCard(await icebreakers.draw(identity.id), 'chat', { note });
    } catch (err) {
      if (err instanceof IcebreakerError) return icebreakerNoticeCard(err.message);
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
    const card = await nextCard(context);
    await updateForAll(context, card);
    return card;
  };

  const hidePrompt: CardVerbHandler = async (context, data) => {
    const identity = conversationIdentity(context.activity);
    const parsed = hideData.safeParse(data);
    if (!identity || identity.kind === 'personal' || !parsed.success) return nextCard(context);
    try {
      await icebreakers.hide(identity.id, parsed.data.promptId);
    } catch (err) {
      if (err instanceof IcebreakerError) return icebreakerNoticeCard(err.message);
      throw err;
    }
    const card = await nextCard(context, 'That prompt is hidden for the team. Here is another.');
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
    const identity = conversationIdentity(context.activity);
    if (!identity || identity.kind === 'personal') {
      await context.sendActivity(`The question of the week belongs to a team. ${WEEKLY_USAGE}`);
      return;
    }
    const member = context.activity.from.aadObjectId ?? context.activity.from.id;
    const { weekly } = await icebreakers.weeklyQuestion(identity.id);
    const [day, time] = args.toLowerCase().split(/\s+/);
    let settings = { enabled: false, day: weekly.day, time: weekly.time };
    if (day !== 'off') {
      if (!WEEKDAYS.includes(day as Weekday) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time ?? '')) {
        await context.sendActivity(WEEKLY_USAGE);
        return;
      }
      settings = { enabled: true, day: day as Weekday, time };
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
      await context.sendActivity((err as Error).message);
      return;
    }
    const { nextAt, timeZone } = await icebreakers.weeklyQuestion(identity.id);
    const weekday = `${settings.day[0].toUpperCase()}${settings.day.slice(1)}`;
    await context.sendActivity(
      nextAt
        ? `The question of the week will appear here every ${weekday} at ${settings.time} (${timeZone}), first on ${isoDate(localDate(nextAt, timeZone))}. Replies to it are the answers; Rapport keeps none of them.`
        : 'The question of the week is off.',
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
      const weekly = WEEKLY_COMMAND.exec(text);
      if (weekly) {
        await weeklyCommand(context, weekly[1].trim());
        return true;
      }
      if (!/^icebreaker\b/i.test(text)) return false;
      await context.sendActivity(
        MessageFactory.attachment(cardAttachment(await nextCard(context))),
      );
      return true;
    },
  };
}
