/**
 * Which language the tab speaks: the catalogs there are, and how a person's locale picks one.
 * The same negotiation as the server's: an exact tag first (pt-BR), then the language alone
 * (de-AT → de, pt-PT → pt-BR), else English.
 */
import { PSEUDO_LOCALE } from '../../../locales/pseudo-locale';

export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR'] as const;
export type CatalogLocale = (typeof SUPPORTED_LOCALES)[number] | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: CatalogLocale = 'en';

const language = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();

/** The first of the person's locales (most preferred first) that a catalog serves. */
export function negotiateLocale(requested: readonly (string | undefined)[]): CatalogLocale {
  for (const tag of requested) {
    if (!tag) continue;
    const exact = SUPPORTED_LOCALES.find(
      (l) => l.toLowerCase() === tag.replace('_', '-').toLowerCase(),
    );
    if (exact) return exact;
    const sameLanguage = SUPPORTED_LOCALES.find((l) => language(l) === language(tag));
    if (sameLanguage) return sameLanguage;
  }
  return DEFAULT_LOCALE;
}

/**
 * `?lang=` names a catalog outright (`en-XA`, the pseudo-locale, or any supported tag): the tests
 * use it, and so can a person checking a translation.
 */
export function forcedLocale(search = window.location.search): CatalogLocale | undefined {
  const lang = new URLSearchParams(search).get('lang');
  if (!lang) return undefined;
  if (lang.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lang.toLowerCase());
}

/** The catalog for this page: forced, else Teams' locale, else the browser's languages. */
export function chooseLocale(teamsLocale?: string): CatalogLocale {
  return (
    forcedLocale() ??
    negotiateLocale(teamsLocale ? [teamsLocale] : (navigator.languages ?? [navigator.language]))
  );
}

/**
 * The locale for Intl's dates and numbers: the person's own (de-CH's dates, not de's) when it is
 * in the catalog's language, so that a sentence never mixes two languages; the pseudo-locale
 * formats as English.
 */
export function formattingLocale(catalog: CatalogLocale, personal: string | undefined): string {
  if (catalog === PSEUDO_LOCALE) return 'en';
  return personal && language(personal) === language(catalog) ? personal : catalog;
}
