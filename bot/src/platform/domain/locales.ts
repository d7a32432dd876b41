/** The languages Rapport speaks; English is the source every other catalog translates. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en';

const byLanguage = new Map<string, Locale>(
  LOCALES.map((locale) => [locale.split('-')[0].toLowerCase(), locale]),
);

/**
 * The catalog for a BCP 47 tag as Teams sends it ("de-DE", "pt-BR", "fr-ca"): the exact
 * language first, then any region of it (pt-PT reads Brazilian Portuguese rather than English).
 * Undefined when Rapport does not speak it, so the caller can try the next candidate.
 */
export function matchLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const exact = LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  return exact ?? byLanguage.get(tag.split(/[-_]/)[0].toLowerCase());
}

/** The first of the candidates Rapport speaks (the person's, then the team's), else English. */
export function negotiateLocale(...candidates: (string | undefined)[]): Locale {
  for (const tag of candidates) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}

/** A language range as RFC 9110 allows it in Accept-Language: `*`, or subtags of letters and digits. */
const LANGUAGE_RANGE = /^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/;
const QUALITY = /^[qQ]=(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/** One `tag;q=…` entry, or undefined when it is malformed (then it is skipped, not refused). */
function languageRange(entry: string): { tag: string; q: number } | undefined {
  const [tag, ...parameters] = entry.split(';').map((part) => part.trim());
  if (!LANGUAGE_RANGE.test(tag)) return undefined;
  const quality = parameters.find((p) => /^[qQ]\s*=/.test(p))?.replace(/\s/g, '');
  if (quality === undefined) return { tag, q: 1 };
  return QUALITY.test(quality) ? { tag, q: Number(quality.slice(2)) } : undefined;
}

/**
 * The catalog for an `Accept-Language` header: the most preferred language Rapport speaks
 * (region fallback as matchLocale: `de-AT` reads German, `pt` Brazilian Portuguese), else English.
 * A header that is malformed, in part or whole, only loses what cannot be read: asking in a
 * language is a preference, never a reason to refuse a request.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranges = (header ?? '')
    .split(',')
    .map((entry, order) => ({ range: languageRange(entry), order }))
    .filter((r): r is { range: { tag: string; q: number }; order: number } => !!r.range)
    .filter(({ range }) => range.q > 0 && range.tag !== '*')
    .sort((a, b) => b.range.q - a.range.q || a.order - b.order);
  return negotiateLocale(...ranges.map(({ range }) => range.tag));
}
