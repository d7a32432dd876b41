import { SOURCE_LOCALE } from '../domain/locales';
import { isMessageKey, type Translate } from '../i18n/messages';

/**
 * What a person reads when the domain refuses: in English, the domain's own words, which name
 * the exact problem; in another language, the catalog's message for its code (`errors.<CODE>`),
 * or the English words when the catalog has none.
 */
export function refusalText(t: Translate, err: { code: string; message: string }): string {
  const key = `errors.${err.code}`;
  return t.locale !== SOURCE_LOCALE && isMessageKey(key) ? t(key) : err.message;
}
