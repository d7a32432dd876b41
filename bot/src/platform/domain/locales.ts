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
