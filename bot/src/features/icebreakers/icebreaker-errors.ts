import type { ErrorStatuses } from '../../platform/http/domain-errors';

export const ICEBREAKER_ERROR_STATUSES: ErrorStatuses = {
  PROMPT_NOT_FOUND: 404,
  // The request is well formed, but the deck's state says no (a prompt it already has, too).
  PROMPT_DUPLICATE: 409,
  PROMPT_DECK_EMPTY: 409,
  PROMPT_DECK_FULL: 409,
};
