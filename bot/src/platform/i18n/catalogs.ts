import en from '../../../../locales/en.json';
import de from '../../../../locales/de.json';
import fr from '../../../../locales/fr.json';
import es from '../../../../locales/es.json';
import ja from '../../../../locales/ja.json';
import ptBR from '../../../../locales/pt-BR.json';
import type { Locale } from '../domain/locales';

/** A message's key: a key en.json does not have fails the typecheck. */
export type MessageKey = keyof typeof en;

/** The catalogs shared with the tab (locales/<tag>.json), loaded once with the app. */
export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en,
  de,
  fr,
  es,
  ja,
  'pt-BR': ptBR,
};
