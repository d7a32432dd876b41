import type { AgreementCategory } from './agreement-categories';

/**
 * A starting point a team can adopt as it is or edit before proposing. Its words are the
 * catalog's (`agreements.template.<id>.title`, `.text`, and `.suggestedMessage` where it has
 * one), so a team reads them in its language.
 */
export interface AgreementTemplate {
  id: string;
  category: AgreementCategory;
  /** Whether it offers words a member can use as they are (where the agreement is about asking). */
  suggestsMessage?: true;
}

/**
 * They replace the office's unspoken rules (who is "online", who answers at night, why a meeting
 * exists) with explicit ones, and none of them asks anyone to watch anyone.
 */
export const AGREEMENT_TEMPLATES: readonly AgreementTemplate[] = [
  { id: 'outcomes-not-status', category: 'collaboration' },
  { id: 'answer-in-working-hours', category: 'availability' },
  { id: 'meeting-purpose', category: 'meetings' },
  { id: 'cameras-optional', category: 'meetings' },
  { id: 'five-minutes-non-work', category: 'connection' },
  { id: 'ask-openly-and-kindly', category: 'communication', suggestsMessage: true },
  { id: 'feedback-direct-kind-safe', category: 'feedback' },
  { id: 'revisit-every-quarter', category: 'other' },
];

export function findTemplate(id: string): AgreementTemplate | undefined {
  return AGREEMENT_TEMPLATES.find((t) => t.id === id);
}
