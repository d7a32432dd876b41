import type { Translate } from '../../platform/i18n/messages';
import { VOTING_WINDOW_DAYS } from './domain/agreement-decision';
import type { AgreementProposal } from './domain/agreement';

/**
 * How the team decides a proposal of this kind (the rules of agreement-decision.ts), in the
 * reader's words: shown next to every proposal, in the API and on cards.
 */
export const ruleText = (kind: AgreementProposal['kind'], t: Translate) =>
  t('agreements.rule', { kind, days: VOTING_WINDOW_DAYS });
