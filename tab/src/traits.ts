/** The five traits, from the one definition the server uses too (a plain module, no server code). */
import { TRAITS } from '../../bot/src/platform/domain/traits';

export { TRAITS };

const LABELS = new Map<string, string>(TRAITS.map((t) => [t.id, t.label]));

/** A trait's label, or the id itself for a tag this build does not know. */
export function traitLabel(id: string): string {
  return LABELS.get(id) ?? id;
}
