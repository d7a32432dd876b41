/**
 * HTTP statuses for the domain's stable error codes: the API says what went wrong and what to
 * do, in the error's own words, never with internals.
 */
const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  INVALID_SETTINGS: 400,
  RECOGNITION_EMPTY_MESSAGE: 400,
  RECOGNITION_TOO_LONG: 400,
  RECOGNITION_SELF: 400,
  RECOGNITION_NO_RECIPIENT: 400,
  RECOGNITION_UNKNOWN_TAG: 400,
  CHECKIN_INVALID_ANSWER: 400,
  RECOGNITION_UNKNOWN_AGREEMENT: 400,
  AGREEMENT_INVALID: 400,
  AGREEMENT_UNKNOWN_TEMPLATE: 400,
  RECOGNITION_NOT_YOURS: 403,
  NOT_A_LEAD: 403,
  CHECKIN_NOT_A_MEMBER: 403,
  AGREEMENT_NOT_A_MEMBER: 403,
  RECOGNITION_NOT_FOUND: 404,
  PROPOSAL_NOT_FOUND: 404,
  CHECKIN_ROUND_NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  AGREEMENT_PROPOSAL_NOT_FOUND: 404,
  AGREEMENT_OBJECTION_NOT_FOUND: 404,
  // State-dependent refusals: the request is well formed, but the team's current state says no.
  AGREEMENT_NO_CHANGE: 409,
  AGREEMENT_QUESTIONS_FULL: 409,
  LEAD_NOT_A_MEMBER: 409,
  CHECKIN_ALREADY_ANSWERED: 409,
  CHECKIN_ROUND_CLOSED: 409,
  ROUND_NOT_OPEN: 409,
  PROPOSAL_CLOSED: 409,
  AGREEMENT_NOT_ACTIVE: 409,
  AGREEMENT_PROPOSAL_OPEN: 409,
  AGREEMENT_PROPOSAL_DECIDED: 409,
  AGREEMENT_VOTING_CLOSED: 409,
  AGREEMENT_WINDOW_OPEN: 409,
  AGREEMENT_OWN_OBJECTION: 409,
  AGREEMENT_OBJECTION_WITHDRAWN: 409,
};

export function domainErrorStatus(
  err: unknown,
): { status: number; code: string; message: string } | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !(code in STATUS_BY_CODE)) return undefined;
  return { status: STATUS_BY_CODE[code], code, message: err.message };
}

/** Input the API refused before reaching the domain. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
}
