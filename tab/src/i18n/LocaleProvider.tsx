import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { loadCatalog, type CompiledCatalog } from './catalogs';
import { DEFAULT_LOCALE, formattingLocale, type CatalogLocale } from './locales';

interface Loaded {
  locale: CatalogLocale;
  messages: CompiledCatalog;
}

interface Props {
  /** The catalog to show; undefined while the tab still asks Teams which one. */
  locale: CatalogLocale | undefined;
  /** The person's own locale (Teams' or the browser's), for dates and numbers. */
  personalLocale: string | undefined;
  children: ReactNode;
}

/**
 * Loads the one catalog the person reads and provides it to every view. Nothing renders until it
 * is there (one small request, made while the tab signs in), and a language that fails to load
 * falls back to English rather than leaving the page blank.
 */
export function LocaleProvider({ locale, personalLocale, children }: Props) {
  const [loaded, setLoaded] = useState<Loaded>();

  useEffect(() => {
    if (!locale) return;
    let cancelled = false;
    const show = (shown: CatalogLocale) => (messages: CompiledCatalog) => {
      if (!cancelled) setLoaded({ locale: shown, messages });
    };
    loadCatalog(locale)
      .then(show(locale))
      .catch(() => loadCatalog(DEFAULT_LOCALE).then(show(DEFAULT_LOCALE)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [locale]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);

  if (!loaded) return null;
  return (
    <IntlProvider
      locale={formattingLocale(loaded.locale, personalLocale)}
      defaultLocale={DEFAULT_LOCALE}
      messages={loaded.messages}
    >
      {children}
    </IntlProvider>
  );
}
