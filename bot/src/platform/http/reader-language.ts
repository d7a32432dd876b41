import type { Request, Response } from 'restify';
import { localeFromAcceptLanguage } from '../domain/locales';
import { translator, type Translate } from '../i18n/messages';

/**
 * The messages of the language a request asks in (`Accept-Language`; the tab sends its own), for
 * the words the API composes: refusals, coffee starters, circle links. The answer names its
 * language, and caches keep one copy per asked-for language.
 */
export function readerOf(req: Request, res: Response): Translate {
  const locale = localeFromAcceptLanguage(req.header('accept-language') || undefined);
  res.header('content-language', locale);
  res.header('vary', 'Accept-Language');
  return translator(locale);
}
