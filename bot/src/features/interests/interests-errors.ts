import type { ErrorStatuses } from '../../platform/http/domain-errors';

export const INTERESTS_ERROR_STATUSES: ErrorStatuses = {
  INTERESTS_NO_CIRCLE: 404,
  INTERESTS_TALK_NOT_FOUND: 404,
  // The request is well formed, but the circle's state says no.
  INTERESTS_NOT_IN_CIRCLE: 409,
  INTERESTS_ALONE: 409,
  INTERESTS_TOO_MANY_TALKS: 409,
  INTERESTS_OWN_TALK: 409,
};
