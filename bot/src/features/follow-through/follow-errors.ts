import type { ErrorStatuses } from '../../platform/http/domain-errors';

export const FOLLOW_ERROR_STATUSES: ErrorStatuses = {
  // Dropping is a state change that needs its reason.
  FOLLOW_REASON_NEEDED: 409,
  FOLLOW_COMMENT_NOT_FOUND: 404,
  FOLLOW_ROUND_NOT_FOUND: 404,
  FOLLOW_ACTION_NOT_FOUND: 404,
  // Well-formed requests the team's current state refuses.
  FOLLOW_UNKNOWN_COMMENT: 409,
  FOLLOW_ROUND_OPEN: 409,
  FOLLOW_BELOW_MINIMUM: 409,
  FOLLOW_NOT_YOURSELF: 409,
  FOLLOW_STATUS: 409,
  FOLLOW_INVALID_DATE: 409,
  FOLLOW_ALREADY_PROPOSED: 409,
  FOLLOW_RESULTS_POSTED: 409,
};
