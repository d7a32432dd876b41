/** The five traits, from the one definition the server uses too (a plain module, no server code). */
import { TRAITS, type TraitId } from '../../bot/src/platform/domain/traits';
import type { Translate } from './i18n/use-t';

export { TRAITS };

const isTrait = (id: string): id is TraitId => TRAITS.some((t) => t.id === id);

/** A trait's name in the person's language, or the id itself for a tag this build does not know. */
export function traitLabel(id: string, t: Translate): string {
  return isTrait(id) ? t(`traits.${id}.name`) : id;
}

/** The five traits as choices, named in the person's language. */
export const traitOptions = (t: Translate): { id: TraitId; label: string }[] =>
  TRAITS.map((trait) => ({ id: trait.id, label: t(`traits.${trait.id}.name`) }));
