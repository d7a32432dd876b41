import { defaultCheckinSettings, type TeamCheckinSettings } from './domain/checkin';
import { SOURCE_LOCALE, type Locale } from '../../platform/domain/locales';
import { TRAIT_IDS, type TraitId } from '../../platform/domain/traits';
import { translator } from '../../platform/i18n/messages';

/**
 * The settings of a team that never changed them, their questions in the team's language: once
 * the team edits them, the words are the team's own and are never translated.
 */
export function defaultSettingsIn(locale: Locale = SOURCE_LOCALE): TeamCheckinSettings {
  const t = translator(locale);
  const questions = Object.fromEntries(
    TRAIT_IDS.map((id) => [id, t(`checkins.defaults.question.${id}`)]),
  ) as Record<TraitId, string>;
  return defaultCheckinSettings(
    { questions, freeTextPrompt: t('checkins.defaults.freeTextPrompt') },
    locale,
  );
}
