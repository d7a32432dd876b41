import { TurnContext, type Activity } from 'botbuilder';

/**
 * What a member typed to the bot, without the @mention of the bot that Teams puts in front.
 * botbuilder's helper assumes a text whenever there is a mention; an activity may have neither.
 */
export function commandText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  return (TurnContext.removeRecipientMention(activity) ?? '').trim();
}
