import type { RefusalValues } from '../domain/domain-error';
import { isMessageKey, type MessageValues, type Translate } from './messages';

/** A refusal as the API and the bot answer it: a stable code and what its message names. */
export interface Refusal {
  code: string;
  message: string;
  values?: RefusalValues;
}

/** The refusal's values as the message takes them: a list of names reads "Zed and Yan". */
function messageValues(t: Translate, values: RefusalValues = {}): MessageValues {
  const list = new Intl.ListFormat(t.locale, { type: 'conjunction' });
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'object' ? list.format(value) : value,
    ]),
  );
}

/**
 * What a person reads when Rapport refuses, in the API as in Teams: the catalog's `errors.<CODE>`
 * in their language, filled in with the refusal's values. Every code the API can answer has one
 * (the app does not start otherwise); an error from elsewhere keeps its own words.
 */
export function refusalText(t: Translate, refusal: Refusal): string {
  const key = `errors.${refusal.code}`;
  return isMessageKey(key) ? t(key, messageValues(t, refusal.values)) : refusal.message;
}
