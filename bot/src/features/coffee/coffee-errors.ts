import type { ErrorStatuses } from '../../platform/http/domain-errors';

export const COFFEE_ERROR_STATUSES: ErrorStatuses = {
  COFFEE_ROUND_NOT_FOUND: 404,
  // The request is well formed, but the programme's state says no.
  COFFEE_INVALID: 409,
  COFFEE_OFF: 409,
  COFFEE_TOO_FEW: 409,
  COFFEE_ROUND_CLOSED: 409,
  COFFEE_NOT_IN_ROUND: 409,
};
