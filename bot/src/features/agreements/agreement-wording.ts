import type { MessageKey } from '../../platform/i18n/catalogs';
import type { Translate } from '../../platform/i18n/messages';
import type { AgreementTemplate } from './domain/agreement-templates';
import { VOTING_WINDOW_DAYS } from './domain/agreement-decision';
import type { AgreementProposal } from './domain/agreement';

/**
 * How the team decides a proposal of this kind (the rules of agreement-decision.ts), in the
 * reader's words: shown next to every proposal, in the API and on cards.
 */
export const ruleText = (kind: AgreementProposal['kind'], t: Translate) =>
  t('agreements.rule', { kind, days: VOTING_WINDOW_DAYS });

/** A template in the reader's words; its suggested message is quoted in its text, as written. */
export function templateIn(template: AgreementTemplate, t: Translate) {
  const key = (part: string) => `agreements.template.${template.id}.${part}` as MessageKey;
  const suggestedMessage = template.suggestsMessage ? t(key('suggestedMessage')) : undefined;
  return {
    id: template.id,
    title: t(key('title')),
    category: template.category,
    text: t(key('text'), suggestedMessage ? { message: suggestedMessage } : undefined),
    ...(suggestedMessage ? { suggestedMessage } : {}),
  };
}
