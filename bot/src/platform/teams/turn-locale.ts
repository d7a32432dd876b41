import type { TurnContext } from 'botbuilder';
import { negotiateLocale, type Locale } from '../domain/locales';
import { translator, type Translate } from '../i18n/messages';

/** The language of a reply: the one the person's Teams client sends with their activity. */
export const turnLocale = (context: TurnContext): Locale =>
  negotiateLocale(context.activity.locale);

/** The messages of a reply, in the language of the person who wrote. */
export const turnTranslator = (context: TurnContext): Translate => translator(turnLocale(context));

/** The same, for an answer written outside the turn (when the turn itself could not run). */
export const activityTranslator = (activity: { locale?: string }): Translate =>
  translator(negotiateLocale(activity.locale));
