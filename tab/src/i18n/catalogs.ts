import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CatalogLocale } from './locales';
import type { MessageId } from './use-t';

/**
 * A catalog as the build hands it over: each message already parsed to its ICU syntax tree. Every
 * catalog has every key of en.json (the catalog tests hold them to it).
 */
export type CompiledCatalog = Record<MessageId, MessageFormatElement[]>;

// One chunk per language, so a person downloads only their own (the build's locale plugin turns
// locales/<tag>.json into precompiled messages, keeping only the keys the tab uses).
const LOADERS: Record<
  CatalogLocale,
  () => Promise<{ default: Record<string, MessageFormatElement[]> }>
> = {
  en: () => import('virtual:rapport-locale/en'),
  de: () => import('virtual:rapport-locale/de'),
  fr: () => import('virtual:rapport-locale/fr'),
  es: () => import('virtual:rapport-locale/es'),
  ja: () => import('virtual:rapport-locale/ja'),
  'pt-BR': () => import('virtual:rapport-locale/pt-BR'),
  'en-XA': () => import('virtual:rapport-locale/en-XA'),
};

export const loadCatalog = (locale: CatalogLocale): Promise<CompiledCatalog> =>
  LOADERS[locale]().then((m) => m.default as CompiledCatalog);
