import { z } from 'zod';
import type { PersonalDataPart } from '../platform/domain/personal-data';
import type { PersonalConversations } from './personal-conversations';

/**
 * A member's language in their export and erasure: Rapport keeps the tag Teams sent with their
 * last activity so that cards it sends them later are in their language.
 */
export function createPersonLocaleData(
  conversations: Pick<PersonalConversations, 'localeOf' | 'forgetLocale'>,
): PersonalDataPart {
  return {
    exported: {
      language: z
        .string()
        .nullable()
        .meta({ description: 'The language tag Teams sent with your last message, if any' }),
    },
    async collect(person) {
      return { language: (await conversations.localeOf(person)) ?? null };
    },
    async erase(person) {
      return { languagesErased: (await conversations.forgetLocale(person)) ? 1 : 0 };
    },
  };
}
