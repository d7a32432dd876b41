import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, type MessageKey } from './catalogs';
import { SOURCE_LOCALE, type Locale } from '../domain/locales';

/** A message's arguments: numbers are formatted for the locale, plurals chosen by its rules. */
export type MessageValues = Record<string, string | number>;

/** One language's messages by key; user text passed as an argument comes out as it went in. */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  readonly locale: Locale;
}

const compiled = new Map<string, IntlMessageFormat>();

/** Each message is parsed once per locale, the first time it is used. */
function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][key] ?? CATALOGS[SOURCE_LOCALE][key], locale);
    compiled.set(id, format);
  }
  return format;
}

/** The message function of one locale. */
export function translator(locale: Locale): Translate {
  return Object.assign(
    (key: MessageKey, values?: MessageValues) => String(formatter(locale, key).format(values)),
    { locale },
  );
}

/** Whether the catalog has a message for a key built at run time (such as `errors.<CODE>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS[SOURCE_LOCALE], key);
}
