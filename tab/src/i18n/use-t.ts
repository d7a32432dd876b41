import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type en from '../../../locales/en.json';

/** The keys of the catalog the tab reads (tab.*, the shared trait names and built-in prompts). */
export type MessageId = Extract<
  keyof typeof en,
  `tab.${string}` | `traits.${string}` | `icebreakers.prompt.${string}`
>;

declare global {
  // react-intl checks every `id` it is given against the catalog's keys.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

export type MessageValues = Record<string, string | number | Date | null | undefined>;
/** A message as text: for props (labels, titles) and for helpers that build sentences. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The person's catalog, as a function from key (and ICU arguments) to text. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>((id, values) => intl.formatMessage({ id }, values), [intl]);
}
