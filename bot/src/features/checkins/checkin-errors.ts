import type { ErrorStatuses } from '../../platform/http/domain-errors';

export const CHECKIN_ERROR_STATUSES: ErrorStatuses = {
  INVALID_SETTINGS: 400,
  CHECKIN_INVALID_ANSWER: 400,
  // Leads are a check-in setting; agreements ask the same question of them.
  NOT_A_LEAD: 403,
  CHECKIN_NOT_A_MEMBER: 403,
  PROPOSAL_NOT_FOUND: 404,
  CHECKIN_ROUND_NOT_FOUND: 404,
  // State-dependent refusals: the request is well formed, but the team's current state says no.
  LEAD_NOT_A_MEMBER: 409,
  CHECKIN_ALREADY_ANSWERED: 409,
  CHECKIN_ROUND_CLOSED: 409,
  ROUND_NOT_OPEN: 409,
  PROPOSAL_CLOSED: 409,
};
