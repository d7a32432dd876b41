/** Longest interest, in characters as typed (trimmed). */
export const MAX_TAG_LENGTH = 40;
/** Most interests one member keeps in one team. */
export const MAX_TAGS = 20;

const SPACES = /\s+/gu;

/** How a tag is shown: as the person typed it, with its spaces tidied and a leading "#" dropped. */
export function displayTag(typed: string): string {
  return typed
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .trim()
    .replace(/^(#\s*)+/u, '');
}

/** "Dogs" → "dog", "puppies" → "puppie" → "puppy", "boxes" → "box", "glasses" → "glass". */
function singular(word: string): string {
  // Short words, words with digits ("90s") and Latin words ending in -ss, -us, -is stay as they are.
  if ([...word].length <= 3 || !/^\p{L}+$/u.test(word) || /(ss|us|is)$/u.test(word)) return word;
  const stem = /(ss|sh|ch|x|z)es$/u.test(word)
    ? word.slice(0, -2)
    : word.endsWith('s')
      ? word.slice(0, -1)
      : word;
  // "movie" and "movies", "puppy" and "puppies" meet at one key (never shown: the label is).
  return [...stem].length > 3 && stem.endsWith('ie') ? `${stem.slice(0, -2)}y` : stem;
}

/**
 * The key an interest is stored under: case, spacing and simple English plurals do not make
 * a different interest, so "Dogs", " dog " and "#DOG" are one circle. Idempotent: a key is its own
 * key.
 */
export function tagKey(typed: string): string {
  return displayTag(typed).toLowerCase().normalize('NFKC').split(' ').map(singular).join(' ');
}
