import { DomainError } from '../../bot/src/platform/domain/domain-error';
import type { Locale } from '../../bot/src/platform/domain/locales';
import { translator } from '../../bot/src/platform/i18n/messages';
import { refusalText } from '../../bot/src/platform/i18n/refusal-text';

/** What a person reads when `act` refuses (the catalog's errors.<CODE>, English unless asked). */
export function refusalOf(act: () => unknown, locale: Locale = 'en'): string {
  try {
    act();
  } catch (err) {
    if (err instanceof DomainError) return refusalText(translator(locale), err);
    throw err;
  }
  throw new Error('expected a refusal, but it went through');
}
