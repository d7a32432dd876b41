import type { TraitId } from '../domain/traits';
import type { Translate } from '../i18n/messages';

/** A trait's name in the reader's language (the catalog's `traits.<id>.name`). */
export const traitName = (t: Translate, id: TraitId): string => t(`traits.${id}.name`);

/** A trait's one-line description in the reader's language. */
export const traitDescription = (t: Translate, id: TraitId): string =>
  t(`traits.${id}.description`);
