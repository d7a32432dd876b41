import type { CommandWords } from '../domain/recognition';
import { LOCALES } from '../../../platform/domain/locales';
import { TRAIT_IDS } from '../../../platform/domain/traits';
import { translator } from '../../../platform/i18n/messages';
import { traitName } from '../../../platform/teams/trait-names';

/** A word as typed without its accents too ("reconnaitre" for "reconnaître"). */
const withUnaccented = (words: string[]) => [
  ...new Set(words.flatMap((w) => [w, w.normalize('NFD').replace(/\p{M}/gu, '')])),
];

/**
 * The recognize command's words in every language Rapport speaks, from the catalog: whoever
 * writes in German may still type the English command, and the other way round.
 */
export const RECOGNITION_WORDS: CommandWords = (() => {
  const all = LOCALES.map(translator);
  return {
    verbs: withUnaccented(all.map((t) => t('commands.recognize.word'))),
    before: withUnaccented(all.map((t) => t('commands.recognize.for'))),
    traitNames: Object.fromEntries(
      TRAIT_IDS.map((id) => [id, withUnaccented(all.map((t) => traitName(t, id)))]),
    ),
  };
})();
